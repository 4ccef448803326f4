# tmx: TMX reading and writing, language tags, and the tools of
# `polyalign tmx` (stats, validate, and the copy that merge, filter and
# convert share, with its filter and unit keys).
libpolyalign_la_SOURCES += \
	tmx/langtag.c tmx/langtag.h \
	tmx/tmx_reader.c tmx/tmx_reader.h \
	tmx/tmx_writer.c tmx/tmx_writer.h \
	tmx/unit_key.c tmx/unit_key.h \
	tmx/tmx_stats.c tmx/tmx_stats.h \
	tmx/tmx_validate.c tmx/tmx_validate.h \
	tmx/tmx_filter.c tmx/tmx_filter.h \
	tmx/tmx_copy.c tmx/tmx_copy.h

# Tests. The C programs speak TAP; the shell tests drive tmxdump and xmllint
# over the files in tests/tmx/ and the shared samples. validate-tmx.sh is
# also used by the CLI's tests.
check_PROGRAMS += tests/tmx/tmxdump tests/tmx/test_tmx_roundtrip tests/tmx/test_tmx_lang \
	tests/tmx/test_tmx_reader
tests_tmx_tmxdump_LDADD = libpolyalign.la
tests_tmx_test_tmx_roundtrip_LDADD = libpolyalign.la
tests_tmx_test_tmx_lang_LDADD = libpolyalign.la
tests_tmx_test_tmx_reader_LDADD = libpolyalign.la
TESTS += \
	tests/tmx/test_tmx_roundtrip tests/tmx/test_tmx_lang tests/tmx/test_tmx_reader \
	tests/tmx/validate.sh tests/tmx/test_tmx_read_samples.sh tests/tmx/test_tmx_hostile.sh \
	tests/tmx/test_tmx_lang_cli.sh tests/tmx/tmx_tools.sh
EXTRA_DIST += \
	tests/tmx/validate.sh tests/tmx/validate-tmx.sh tests/tmx/test_tmx_read_samples.sh \
	tests/tmx/test_tmx_hostile.sh tests/tmx/lang-cases.txt tests/tmx/samples-expected.txt \
	tests/tmx/lang-tags.txt tests/tmx/lang-files.txt \
	tests/tmx/test_tmx_lang_cli.sh tests/tmx/lang-cli-cases.txt \
	tests/tmx/samples-broken.txt tests/tmx/hostile tests/tmx/invalid \
	tests/tmx/tmx_tools.sh tests/tmx/tools
