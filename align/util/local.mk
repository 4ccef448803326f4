# align/util: error reporting, allocation, buffers, input and output streams.
libpolyalign_la_SOURCES += \
	align/util/alloc.c align/util/alloc.h \
	align/util/buf.c align/util/buf.h \
	align/util/dynlib.c align/util/dynlib.h \
	align/util/error.c align/util/error.h \
	align/util/hashset.c align/util/hashset.h \
	align/util/log.c align/util/log.h \
	align/util/output.c align/util/output.h \
	align/util/source.c align/util/source.h
