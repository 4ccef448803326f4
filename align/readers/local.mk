# align/readers: the document model, content sniffing, and a reader per
# input kind; plain text's layout (one sentence a line, or running text).
libpolyalign_la_SOURCES += \
	align/readers/document.c align/readers/document.h \
	align/readers/reader.h align/readers/readers.c \
	align/readers/text.c \
	align/readers/layout.c align/readers/layout.h \
	align/readers/sniff.c align/readers/sniff.h \
	align/readers/sentence_lines.c align/readers/sentence_lines.h
