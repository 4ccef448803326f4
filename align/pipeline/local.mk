# align/pipeline: the context (what is costly to build, shared across
# documents and threads), pa_align (inputs to units), lexicon training.
libpolyalign_la_SOURCES += \
	align/pipeline/context.c align/pipeline/context.h \
	align/pipeline/pipeline.c \
	align/pipeline/units.c align/pipeline/units.h \
	align/pipeline/train.c align/pipeline/train.h
