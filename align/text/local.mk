# align/text: reading text, language codes, the document model.
libpolyalign_la_SOURCES += \
	align/text/document.c align/text/document.h \
	align/text/input.c align/text/input.h \
	align/text/lang.c align/text/lang.h
libpolyalign_la_SOURCES += \
	align/text/reflow.c align/text/reflow.h
