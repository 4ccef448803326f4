# align/writers: output formats behind one interface (writer.h); a new
# format is one file here and one line in writers.c.
libpolyalign_la_SOURCES += \
	align/writers/writer.h align/writers/writers.c \
	align/writers/lines.c align/writers/lines.h \
	align/writers/tmx.c align/writers/tsv.c align/writers/beads.c align/writers/moses.c \
	align/writers/report.c
