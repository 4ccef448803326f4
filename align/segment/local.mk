# align/segment: sentence segmentation.
libpolyalign_la_SOURCES += \
	align/segment/segmenter.c align/segment/segmenter.h
libpolyalign_la_SOURCES += \
	align/segment/load.c align/segment/load.h
