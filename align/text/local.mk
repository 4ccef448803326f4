# align/text: decoding and cleaning text, language tags, repairing wrapped lines.
libpolyalign_la_SOURCES += \
	align/text/input.c align/text/input.h \
	align/text/lang.c align/text/lang.h \
	align/text/pages.c align/text/pages.h \
	align/text/reflow.c align/text/reflow.h \
	align/text/utf8.h
