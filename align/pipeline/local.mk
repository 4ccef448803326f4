# align/pipeline: the context (what is costly to build, shared across
# documents and threads), pa_align (inputs to units), lexicon training.
libpolyalign_la_SOURCES += \
	align/pipeline/anchors.c align/pipeline/anchors.h \
	align/pipeline/batch.c align/pipeline/batch.h \
	align/pipeline/context.c align/pipeline/context.h \
	align/pipeline/merge.c align/pipeline/merge.h \
	align/pipeline/pairwise.c align/pipeline/pairwise.h \
	align/pipeline/pipeline.c \
	align/pipeline/units.c align/pipeline/units.h \
	align/pipeline/train.c align/pipeline/train.h

# Tests: units from alignments (data-driven), every allocation of a sample
# run failing in turn (test_oom), and the command line's use of the pipeline
# (formats, languages, one sentence a line).
check_PROGRAMS += tests/pipeline/test_units tests/pipeline/test_oom
tests_pipeline_test_units_LDADD = libpolyalign.la
tests_pipeline_test_oom_LDADD = libpolyalign.la
TESTS += tests/pipeline/test_units tests/pipeline/test_oom tests/cli/pipeline.sh tests/cli/pairs.sh tests/cli/anchors.sh \
	tests/pipeline/sixway.py
EXTRA_DIST += tests/pipeline/units.cases tests/cli/pipeline.sh tests/cli/pairs.sh tests/cli/anchors.sh \
	tests/pipeline/sixway.py

# polyalign batch end to end (document sets, broken sets, -j, --resume after
# SIGKILL, --shard, manifests); tests/bench/bench-batch.sh measures it.
# test_batch: the set discovery on the cases of batch.cases (directories,
# manifests, shards, pivots, failing sets).
check_PROGRAMS += tests/batch/test_batch
tests_batch_test_batch_LDADD = libpolyalign.la
TESTS += tests/batch/test_batch tests/batch/batch.sh tests/batch/merge.sh tests/batch/kill.sh
EXTRA_DIST += tests/batch/batch.sh tests/batch/batch.cases tests/batch/merge.sh tests/batch/kill.sh
