# align/aligner: beads, the length model, the banded search, evaluation.
libpolyalign_la_SOURCES += \
	align/aligner/aligner.c align/aligner/aligner.h \
	align/aligner/bead.c align/aligner/bead.h \
	align/aligner/eval.c align/aligner/eval.h \
	align/aligner/lengthmodel.c align/aligner/lengthmodel.h \
	align/aligner/search.c align/aligner/search.h
