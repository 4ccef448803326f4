# corpora: data shipped with polyalign. The segmentation rules are also
# compiled into the library (align/segment/local.mk); this installed copy is
# for users to start their own --srx file from.
srxdir = $(pkgdatadir)/srx
dist_srx_DATA = corpora/srx/polyalign.srx
# The sample corpus (tests, README examples).
EXTRA_DIST += corpora/sample
