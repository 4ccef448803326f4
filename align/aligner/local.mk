# align/aligner: beads, the length model, the banded search, evaluation.
libpolyalign_la_SOURCES += \
	align/aligner/aligner.c align/aligner/aligner.h \
	align/aligner/bead.c align/aligner/bead.h \
	align/aligner/eval.c align/aligner/eval.h \
	align/aligner/lengthmodel.c align/aligner/lengthmodel.h \
	align/aligner/search.c align/aligner/search.h
libpolyalign_la_SOURCES += \
	align/aligner/features.c align/aligner/features.h \
	align/aligner/lexicon.c align/aligner/lexicon.h \
	align/aligner/links.c align/aligner/links.h \
	align/aligner/model.c align/aligner/model.h \
	align/aligner/pairs.c align/aligner/pairs.h \
	align/aligner/vocab.c align/aligner/vocab.h
libpolyalign_la_SOURCES += \
	align/aligner/stem.c align/aligner/stem.h
libpolyalign_la_SOURCES += \
	align/aligner/dict.c align/aligner/dict.h
