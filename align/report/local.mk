# align/report: the review page (report.h). Its HTML, style and script are
# source files here, compiled into the library as byte arrays (like the
# shipped SRX rules), so the command needs no data file at run time.
libpolyalign_la_SOURCES += align/report/report.c align/report/report.h align/report/from_tmx.c
nodist_libpolyalign_la_SOURCES += align/report/page_assets.c
CLEANFILES += align/report/page_assets.c
REPORT_PAGE = $(top_srcdir)/align/report/page.html $(top_srcdir)/align/report/page.css \
	$(top_srcdir)/align/report/page.js
EXTRA_DIST += align/report/page.html align/report/page.css align/report/page.js align/report/embed.sh
align/report/page_assets.c: $(REPORT_PAGE) $(top_srcdir)/align/report/embed.sh
	$(AM_V_GEN)$(MKDIR_P) align/report && \
	  $(SHELL) $(top_srcdir)/align/report/embed.sh pa_report_page $(REPORT_PAGE) > $@-t && mv -f $@-t $@
