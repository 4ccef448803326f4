# align/output: writing alignments as TMX, beads and TSV.
libpolyalign_la_SOURCES += \
	align/output/export.c align/output/export.h
