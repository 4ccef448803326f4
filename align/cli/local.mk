# align/cli: the polyalign command.
polyalign_SOURCES = \
	align/cli/cli.h align/cli/main.c \
	align/cli/cmd_align.c align/cli/cmd_eval.c align/cli/cmd_lexicon.c align/cli/cmd_segment.c
polyalign_LDADD = libpolyalign.la $(LIBXML2_LIBS) $(ICU_LIBS) $(ZLIB_LIBS) -lm
