# align/cli: the polyalign command.
polyalign_SOURCES = align/cli/main.c
polyalign_LDADD = libpolyalign.la
