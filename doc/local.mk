# doc: the manual page and the bash completion, installed; the licence and
# the notes on the bundled data, in the release tarball. tests/cli/docs.sh
# checks the man page and the completion against `polyalign CMD --help`.
dist_man1_MANS = doc/polyalign.1

# A plain default under $(datadir), where bash-completion (2.x) looks for
# completions loaded on demand; ./configure's --datadir moves it.
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = completion/polyalign

EXTRA_DIST += LICENSE corpora/README.md

TESTS += tests/cli/docs.sh
EXTRA_DIST += tests/cli/docs.sh
