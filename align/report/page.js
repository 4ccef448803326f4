/* page.js - the review page of a polyalign alignment (page.html).
 *
 * The data (JSON in the element "pa-data", written by align/report/report.c):
 *   {"format": 1, "title": ..., "version": ..., "source": "align" | "tmx",
 *    "langs": [tag...], "tags": [TMX tag...], "minScore": x,
 *    "documents": [label...], "sentences": [count a language] | null,
 *    "units": [[score, paragraph, counts | 0, [text a language], numbers, document], ...]}
 * score -1 = unknown, paragraph -1 = unknown (0-based), counts = sentences a
 * language (0 = unknown: taken from the text), numbers 1 = the numbers differ
 * between the languages, 0 = they agree, -1 = unknown; document indexes
 * "documents".
 *
 * Review changes are a list of operations (mark wrong, merge with next,
 * split, edit) kept in localStorage under a hash of the data and replayed on
 * load, so they survive a reload; undo drops the last one and replays.
 * Input text reaches the document only through textContent and attribute
 * values, never as markup.
 */
(function () {
    'use strict';
    var $ = function (id) { return document.getElementById(id); };
    var RTL = /^(ar|he|iw|fa|ur|yi|ps|dv|ckb|sd|ug)(-|_|$)/i;
    var UNSPACED = /^(zh|ja|th|lo|km|my|bo|yue|wuu)(-|_|$)/i;
    var REASONS = ['numbers', 'ratio', 'gap', 'many'];
    var REASON_TEXT = {numbers: 'numbers differ', ratio: 'length ratio', gap: '1-0 / 0-1', many: 'many-to-many'};
    /* A length ratio is far from the document's when its log lies more than
     * RATIO_Z robust deviations (1.4826 MAD) and more than log(RATIO_MIN)
     * from the median of its language, in a unit of RATIO_CHARS characters
     * or more (both sides together). */
    var RATIO_Z = 4, RATIO_MIN = Math.log(1.5), RATIO_CHARS = 30;
    var FRAME_MS = 30;     /* time spent rendering rows an animation frame */
    var BLOCK = 200;       /* rows a block (see renderUpTo) */
    var PLOT_POINTS = 1500, PLOT_MARKS = 3000;

    var data, L, spaced, storeKey, ratioStats;
    var units = [], ops = [], nextId = 0;
    var rowOf = new Map(); /* unit id -> its row, for the rendered prefix */
    var rendered = 0, generation = 0, current = -1, busy = null;
    var tbody = $('rows');

    /* ---- Text ---------------------------------------------------------- */

    /* The sentences of `text` in language `l`, split after sentence-final
     * punctuation; joining them (joinText) gives `text` back exactly. */
    function sentences(text, l) {
        if (!text) return [];
        var re = spaced[l] ? /[.!?…؟۔।][”’"'»)\]]*(?= [^\s\p{Ll}\d])/gu : /[。！？!?][”’"'」』）)]*(?=\S)/gu;
        var out = [], at = 0, m;
        while ((m = re.exec(text))) {
            var end = m.index + m[0].length;
            if (end >= text.length) break;
            out.push(text.slice(at, end));
            at = end + (spaced[l] ? 1 : 0);
        }
        out.push(text.slice(at));
        return out;
    }

    function joinText(l, parts) { return parts.join(spaced[l] ? ' ' : ''); }

    /* Two FNV-1a hashes of `s` (different bases), as hex: the key of the
     * data's edits in localStorage. */
    function hash(s) {
        var a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
        for (var i = 0; i < s.length; i++) {
            var c = s.charCodeAt(i);
            a = Math.imul(a ^ c, 0x01000193);
            b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
        }
        return (a >>> 0).toString(16) + (b >>> 0).toString(16);
    }

    /* ---- Units --------------------------------------------------------- */

    /* A unit from the k-th entry of the data. */
    function fromData(e, k) {
        var u = {id: k, label: String(k + 1), score: e[0], para: e[1], numbers: e[4], doc: e[5] || 0,
                 sents: [], text: [], counts: [], known: !!e[2], wrong: false, edited: false};
        for (var l = 0; l < L; l++) {
            var t = e[3][l] || '';
            u.sents.push(sentences(t, l));
            u.text.push(t);
            u.counts.push(e[2] ? e[2][l] : u.sents[l].length);
        }
        return u;
    }

    /* The text of language `l` in `u` (kept, not joined again each time). */
    function textOf(u, l) {
        if (!u.text) u.text = u.sents.map(function (p, k) { return joinText(k, p); });
        return u.text[l];
    }

    function withText(u) {
        var n = 0;
        for (var l = 0; l < L; l++) n += u.counts[l] > 0;
        return n;
    }

    function bead(u) { return u.counts.join('-'); }

    function isDropped(u) { return !u.edited && u.score >= 0 && u.score < data.minScore; }

    /* Kept in an export: not wrong, text in two languages or more, and not
     * below --min-score (unless edited, i.e. reviewed). */
    function isKept(u) { return !u.wrong && withText(u) >= 2 && !isDropped(u); }

    /* The log length ratio of language `l` to the pivot in `u`, or null. */
    function logRatio(u, l) {
        var a = textOf(u, 0).length, b = textOf(u, l).length;
        if (!a || !b || a + b < RATIO_CHARS) return null;
        return Math.log(b / a);
    }

    function median(v) {
        v.sort(function (x, y) { return x - y; });
        var n = v.length;
        return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /* Median and MAD of the log ratios, a (document, language) pair, over the
     * units as read: the document's ratio that a unit is compared with. */
    function computeRatioStats() {
        var by = new Map();
        units.forEach(function (u) {
            for (var l = 1; l < L; l++) {
                var r = logRatio(u, l);
                if (r === null) continue;
                var k = u.doc * L + l;
                if (!by.has(k)) by.set(k, []);
                by.get(k).push(r);
            }
        });
        ratioStats = new Map();
        by.forEach(function (v, k) {
            var med = median(v);
            var mad = median(v.map(function (x) { return Math.abs(x - med); }));
            ratioStats.set(k, {med: med, lim: Math.max(RATIO_Z * 1.4826 * mad, RATIO_MIN)});
        });
    }

    /* The reasons `u` is doubtful. */
    function flags(u) {
        var f = [];
        if (u.numbers === 1) f.push('numbers');
        for (var l = 1; l < L; l++) {
            var r = logRatio(u, l), s = ratioStats.get(u.doc * L + l);
            if (r !== null && s && Math.abs(r - s.med) > s.lim) { f.push('ratio'); break; }
        }
        var n = withText(u), many = 0;
        if (n >= 1 && n < L) f.push('gap');
        for (var k = 0; k < L; k++) many += u.counts[k] >= 2;
        if (u.known && many >= 2) f.push('many'); /* not from sentences the page guessed */
        return f;
    }

    function indexOfId(id) {
        for (var i = 0; i < units.length; i++) if (units[i].id === id) return i;
        return -1;
    }

    function minScore(a, b) { return a < 0 ? b : b < 0 ? a : Math.min(a, b); }

    /* Applies one operation; returns what it changed ({i: the first unit's
     * index, gone: the ids of the units it replaced, added: how many units
     * replace them}) or null when it no longer applies. */
    function apply(op) {
        var i = indexOfId(op.id);
        if (i < 0) return null;
        var u = units[i], l;
        if (op.o === 'w') {
            u.wrong = !u.wrong;
            return {i: i, gone: [u.id], added: 1};
        }
        if (op.o === 'm') {
            if (i + 1 >= units.length) return null;
            var v = units[i + 1];
            var m = {id: nextId++, label: u.label + '+' + v.label, score: minScore(u.score, v.score), para: u.para,
                     numbers: -1, doc: u.doc, sents: [], counts: [], known: u.known && v.known, wrong: false,
                     edited: true};
            for (l = 0; l < L; l++) {
                m.sents.push(u.sents[l].concat(v.sents[l]));
                m.counts.push(u.counts[l] + v.counts[l]);
            }
            units.splice(i, 2, m);
            return {i: i, gone: [u.id, v.id], added: 1};
        }
        if (op.o === 's') {
            var a = {id: nextId++, label: u.label + 'a', score: u.score, para: u.para, numbers: -1, doc: u.doc,
                     sents: [], counts: [], wrong: false, edited: true};
            var b = {id: nextId++, label: u.label + 'b', score: u.score, para: u.para, numbers: -1, doc: u.doc,
                     sents: [], counts: [], wrong: false, edited: true};
            var ka = 0, kb = 0, exact = u.known;
            for (l = 0; l < L; l++) exact = exact && u.sents[l].length === u.counts[l];
            a.known = b.known = exact; /* the page's sentences are the aligner's */
            for (l = 0; l < L; l++) {
                var c = Math.max(0, Math.min(op.c[l] | 0, u.sents[l].length));
                a.sents.push(u.sents[l].slice(0, c));
                b.sents.push(u.sents[l].slice(c));
                a.counts.push(a.sents[l].length), b.counts.push(b.sents[l].length);
                ka += c, kb += u.sents[l].length - c;
            }
            if (!ka || !kb) return null;
            units.splice(i, 1, a, b);
            return {i: i, gone: [u.id], added: 2};
        }
        if (op.o === 'e') {
            for (l = 0; l < L; l++) {
                u.sents[l] = sentences(op.t[l] || '', l);
                u.counts[l] = u.sents[l].length;
            }
            u.edited = true, u.numbers = -1, u.known = false, u.text = null;
            return {i: i, gone: [u.id], added: 1};
        }
        return null;
    }

    /* The units as read, with the stored operations applied. */
    function rebuild() {
        units = data.units.map(fromData);
        nextId = units.length;
        computeRatioStats();
        ops = ops.filter(function (op) { return apply(op) !== null; });
    }

    function save() {
        try {
            if (ops.length) localStorage.setItem(storeKey, JSON.stringify({ops: ops}));
            else localStorage.removeItem(storeKey);
        } catch (e) {
            say('changes cannot be kept in this browser (' + e.name + '): export before closing');
        }
    }

    function restore() {
        try {
            var s = localStorage.getItem(storeKey);
            if (s) ops = JSON.parse(s).ops || [];
        } catch (e) {
            ops = [];
        }
    }

    /* ---- Rendering ------------------------------------------------------ */

    function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text !== undefined) e.textContent = text;
        return e;
    }

    /* A cell of a row. */
    function cell(cls, text) {
        var c = el('div', cls, text);
        c.setAttribute('role', 'cell');
        return c;
    }

    function say(msg) { $('status').textContent = msg; }

    /* The row of unit i. */
    function makeRow(i) {
        var u = units[i], f = flags(u);
        var row = el('div', 'u');
        row.setAttribute('role', 'row');
        var cls = ['u', u.score < 0 ? 'sx' : 's' + Math.min(9, Math.floor(u.score * 10))];
        if (u.para >= 0 && (i === 0 || units[i - 1].para !== u.para)) cls.push('para');
        if (f.length) cls.push('flagged');
        f.forEach(function (r) { cls.push('f-' + r); });
        if (u.wrong) cls.push('wrong');
        if (u.edited) cls.push('edited');
        if (isDropped(u)) cls.push('dropped');
        if (u.id === current) cls.push('cur');
        row.className = cls.join(' ');
        row.dataset.id = u.id;
        var n = cell('n', '#' + u.label);
        if (u.para >= 0 && cls.indexOf('para') >= 0) n.appendChild(el('span', 'pn', '¶ ' + (u.para + 1)));
        row.appendChild(n);
        row.appendChild(cell('s', u.score < 0 ? '–' : u.score.toFixed(2)));
        row.appendChild(cell('b', bead(u)));
        for (var l = 0; l < L; l++) {
            var t = textOf(u, l), td = cell(t ? 't' : 't empty', t);
            td.lang = data.langs[l];
            td.dir = RTL.test(data.langs[l]) ? 'rtl' : 'ltr';
            row.appendChild(td);
        }
        var fl = cell('f');
        f.forEach(function (r) { fl.appendChild(el('span', 'chip ' + r, REASON_TEXT[r])); });
        if (isDropped(u)) fl.appendChild(el('span', 'chip dropped', 'below min'));
        if (u.wrong) fl.appendChild(el('span', 'chip wrong', 'wrong'));
        row.appendChild(fl);
        rowOf.set(u.id, row);
        return row;
    }

    /* Renders rows up to index `upto` (exclusive) now, into blocks of
     * BLOCK rows: a block off screen costs layout nothing (content-visibility),
     * so appending stays cheap however many rows there are. */
    function renderUpTo(upto) {
        upto = Math.min(upto, units.length);
        while (rendered < upto) {
            var block = tbody.lastChild;
            if (!block || block.childElementCount >= BLOCK) {
                if (block) block.style.containIntrinsicSize = 'auto ' + block.offsetHeight + 'px';
                block = tbody.appendChild(el('div', 'block'));
            }
            var frag = document.createDocumentFragment();
            for (var n = block.childElementCount; rendered < upto && n < BLOCK; n++) frag.appendChild(makeRow(rendered++));
            block.appendChild(frag);
        }
    }

    /* Renders the rows FRAME_MS of work an animation frame, so the page is
     * usable while a large memory is still being laid out. */
    function renderProgressively() {
        var gen = ++generation;
        document.body.removeAttribute('data-ready');
        function step() {
            if (gen !== generation) return;
            var t0 = performance.now();
            do renderUpTo(rendered + 50);
            while (rendered < units.length && performance.now() - t0 < FRAME_MS);
            if (rendered < units.length) {
                say('Showing ' + rendered + ' of ' + units.length + ' units…');
                requestAnimationFrame(step);
            } else {
                say(units.length + ' units' + (ops.length ? ', ' + ops.length + ' changes (kept in this browser)' : ''));
                document.body.dataset.ready = '1';
            }
        }
        step();
    }

    /* Replaces the rows of the units an operation changed (`ch` from apply)
     * and refreshes the summary. */
    function refresh(ch) {
        var i = ch.i, old = ch.gone.map(function (id) { return rowOf.get(id); });
        if (old[0] && old[0].isConnected) {
            ch.gone.forEach(function (id) { rowOf.delete(id); });
            var frag = document.createDocumentFragment();
            for (var k = 0; k < ch.added; k++) frag.appendChild(makeRow(i + k));
            old[0].parentNode.insertBefore(frag, old[0]);
            old.forEach(function (r) { if (r && r.isConnected) r.remove(), rendered--; });
            rendered += ch.added;
            var next = i + ch.added < rendered && rowOf.get(units[i + ch.added].id);
            if (next) next.replaceWith(makeRow(i + ch.added)); /* its paragraph mark */
        }
        summary();
    }

    function headRow() {
        var h = $('head'), names = ['#', 'score', 'bead'].concat(data.langs.map(function (g, l) {
            return g + (l === 0 ? ' (pivot)' : '');
        }), ['flags']);
        h.replaceChildren();
        h.setAttribute('role', 'row');
        names.forEach(function (t) {
            var c = el('div', null, t);
            c.setAttribute('role', 'columnheader');
            h.appendChild(c);
        });
        $('units').style.setProperty('--cols', '64px 48px ' + Math.max(6, 2 * L + 1) + 'ch repeat(' + L +
                                     ', minmax(0, 1fr)) 110px');
    }

    /* ---- Summary and plot ---------------------------------------------- */

    function table(caption, head, rows) {
        var t = el('table'), cap = el('caption', null, caption), hr = el('row');
        t.appendChild(cap);
        head.forEach(function (h) { hr.appendChild(el('th', null, h)); });
        t.appendChild(hr);
        rows.forEach(function (r) {
            var row = el('row');
            r.forEach(function (c, k) {
                var td = el('td', k === 0 ? 'k' : null);
                if (c instanceof Node) td.appendChild(c); else td.textContent = String(c);
                row.appendChild(td);
            });
            t.appendChild(row);
        });
        return t;
    }

    function reasonButton(r, label) {
        var b = el('button', 'reason', label);
        b.type = 'button';
        b.addEventListener('click', function () { setFilter(r); });
        return b;
    }

    function summary() {
        var sents = [], beads = new Map(), nFlag = {}, flagged = 0, kept = 0, dropped = 0, one = 0, wrong = 0, l;
        for (l = 0; l < L; l++) sents.push(0);
        REASONS.forEach(function (r) { nFlag[r] = 0; });
        var all = units.map(flags);
        units.forEach(function (u, i) {
            for (var k = 0; k < L; k++) sents[k] += u.counts[k];
            var b = bead(u);
            beads.set(b, (beads.get(b) || 0) + 1);
            var f = all[i];
            f.forEach(function (r) { nFlag[r]++; });
            flagged += f.length > 0;
            if (isKept(u)) kept++;
            else if (u.wrong) wrong++;
            else if (withText(u) < 2) one++;
            else dropped++;
        });
        var box = $('counts');
        box.replaceChildren();
        box.appendChild(table('Sentences', ['language', 'sentences'], data.langs.map(function (g, k) {
            return [g, data.sentences ? data.sentences[k] : sents[k]];
        })));
        var bt = Array.from(beads.entries()).sort(function (x, y) { return y[1] - x[1]; }).slice(0, 12);
        box.appendChild(table('Bead types', ['bead', 'units'], bt));
        var min = data.minScore > 0 ? ' (--min-score ' + data.minScore + ')' : '';
        box.appendChild(table('Units', ['', 'units'], [
            ['all', units.length], ['kept (exported)', kept], ['dropped: below min score' + min, dropped],
            ['left out: one language', one], ['marked wrong', wrong],
            [reasonButton('flagged', 'flagged'), flagged]
        ].concat(REASONS.map(function (r) { return [reasonButton(r, '… ' + REASON_TEXT[r]), nFlag[r]]; }))));
        plot(all);
    }

    var SVG = 'http://www.w3.org/2000/svg';
    function svg(tag, attrs) {
        var e = document.createElementNS(SVG, tag);
        for (var k in attrs) e.setAttribute(k, attrs[k]);
        return e;
    }

    /* The alignment path: for each language, the pivot's sentences done
     * (x) against that language's (y), each scaled to its total, so that a
     * straight diagonal is an even alignment; flagged units are marked
     * (`fl`: the flags of each unit). */
    function plot(fl) {
        var W = 420, H = 300, P = 36, colors = ['#1a5fb4', '#c64600', '#26a269', '#813d9c', '#a51d2d', '#5e5c64'];
        var s = svg('svg', {width: W, height: H + 20, viewBox: '0 0 ' + W + ' ' + (H + 20), role: 'img'});
        s.appendChild(svg('title', {})).textContent = 'Alignment path';
        var tot = [], l;
        for (l = 0; l < L; l++) tot.push(0);
        units.forEach(function (u) { for (var k = 0; k < L; k++) tot[k] += u.counts[k]; });
        var w = W - 2 * P, h = H - 2 * P;
        s.appendChild(svg('line', {x1: P, y1: H - P, x2: W - P, y2: H - P, class: 'axis'}));
        s.appendChild(svg('line', {x1: P, y1: P, x2: P, y2: H - P, class: 'axis'}));
        s.appendChild(svg('line', {x1: P, y1: H - P, x2: W - P, y2: P, stroke: '#ccc', 'stroke-dasharray': '4 4'}));
        var tx = svg('text', {x: W / 2, y: H - 8, 'text-anchor': 'middle'});
        tx.textContent = data.langs[0] + ' sentences (' + tot[0] + ')';
        s.appendChild(tx);
        var ty = svg('text', {x: 12, y: H / 2, transform: 'rotate(-90 12 ' + H / 2 + ')', 'text-anchor': 'middle'});
        ty.textContent = 'other language, scaled';
        s.appendChild(ty);
        var step = Math.max(1, Math.ceil(units.length / PLOT_POINTS)), marks = 0;
        var X = function (v) { return (P + w * v / Math.max(1, tot[0])).toFixed(1); };
        for (l = 1; l < L; l++) {
            var x = 0, y = 0, pts = [X(0) + ',' + (H - P)];
            var Y = function (v) { return (H - P - h * v / Math.max(1, tot[l])).toFixed(1); };
            for (var i = 0; i < units.length; i++) {
                var u = units[i];
                x += u.counts[0], y += u.counts[l];
                if (i % step === 0 || i === units.length - 1) pts.push(X(x) + ',' + Y(y));
                if (marks < PLOT_MARKS && fl[i].length && (u.counts[0] || u.counts[l])) {
                    s.appendChild(svg('circle', {cx: X(x), cy: Y(y), r: 2.5, class: 'mark'}));
                    marks++;
                }
            }
            s.appendChild(svg('polyline', {points: pts.join(' '), fill: 'none', stroke: colors[(l - 1) % colors.length],
                                           'stroke-width': 1.5}));
            var lg = svg('text', {x: W - P + 4 - 0, y: P + 14 * l, fill: colors[(l - 1) % colors.length], 'text-anchor': 'end'});
            lg.textContent = data.langs[l] + ' (' + tot[l] + ')';
            s.appendChild(lg);
        }
        var mk = svg('text', {x: P + 4, y: P - 8});
        mk.textContent = '● flagged unit';
        mk.setAttribute('class', 'mark');
        s.appendChild(mk);
        $('plot').replaceChildren(s);
    }

    /* ---- Review -------------------------------------------------------- */

    function visible(u) {
        var f = $('filter').value;
        if (f === 'all') return true;
        var fl = flags(u);
        if (f === 'flagged') return fl.length > 0;
        if (f === 'dropped') return isDropped(u);
        if (f === 'wrong') return u.wrong;
        if (f === 'edited') return u.edited;
        return fl.indexOf(f) >= 0;
    }

    function setFilter(f) {
        $('filter').value = f;
        tbody.classList.toggle('only-flagged', f === 'flagged');
        if (f === 'all' || f === 'flagged') tbody.removeAttribute('data-filter');
        else tbody.dataset.filter = f;
    }

    function setCurrent(i, scroll) {
        var old = rowOf.get(current);
        if (old) old.classList.remove('cur');
        if (i < 0 || i >= units.length) { current = -1; $('current').textContent = ''; return; }
        renderUpTo(i + 1);
        current = units[i].id;
        var row = rowOf.get(current);
        row.classList.add('cur');
        if (scroll) row.scrollIntoView({block: 'center'});
        $('current').textContent = 'unit #' + units[i].label + ' (' + (i + 1) + ' of ' + units.length + ')';
    }

    /* Moves to the next (dir 1) or previous (-1) flagged unit that the
     * filter shows. */
    function jump(dir) {
        var i = indexOfId(current);
        if (i < 0) i = dir > 0 ? -1 : units.length;
        for (var k = i + dir; k >= 0 && k < units.length; k += dir) {
            var u = units[k];
            if ((flags(u).length || isDropped(u) || u.wrong) && visible(u)) return setCurrent(k, true);
        }
        say(dir > 0 ? 'no flagged unit after this one' : 'no flagged unit before this one');
    }

    function perform(op) {
        var ch = apply(op);
        if (!ch) { say('that change does not apply here'); return; }
        ops.push(op);
        save();
        refresh(ch);
        setCurrent(ch.i, false);
        say(units.length + ' units, ' + ops.length + ' changes (kept in this browser)');
    }

    function currentUnit() {
        if (busy) { say('finish the open edit or split first'); return null; }
        var i = indexOfId(current);
        if (i < 0) { say('select a unit first (click it, or j / k)'); return null; }
        return units[i];
    }

    function markWrong() { var u = currentUnit(); if (u) perform({o: 'w', id: u.id}); }

    function merge() {
        var u = currentUnit();
        if (!u) return;
        var i = indexOfId(u.id);
        if (i + 1 >= units.length) { say('the last unit has no next unit to merge with'); return; }
        renderUpTo(i + 2);
        perform({o: 'm', id: u.id});
    }

    /* Buttons under a row being edited or split. */
    function tools(row, okText, ok) {
        var box = el('div', 'tools'), b = el('button', null, okText), c = el('button', null, 'Cancel');
        b.type = c.type = 'button';
        b.className = 'ok', c.className = 'cancel';
        b.addEventListener('click', ok);
        c.addEventListener('click', function () {
            busy = null;
            refresh({i: indexOfId(Number(row.dataset.id)), gone: [Number(row.dataset.id)], added: 1});
        });
        box.append(b, c);
        var f = row.lastChild;
        f.replaceChildren(box);
    }

    /* Split: a choice a language of how many of its sentences go to the
     * first part (proposed in proportion to the pivot's cut). */
    function split() {
        var u = currentUnit();
        if (!u) return;
        var row = rowOf.get(u.id), cells = row.querySelectorAll('.t'), sels = [];
        var n0 = u.sents[0].length, k0 = Math.max(1, Math.floor(n0 / 2));
        for (var l = 0; l < L; l++) {
            var n = u.sents[l].length, sel = el('select');
            sel.dataset.lang = data.langs[l];
            for (var k = 0; k <= n; k++) {
                var o = el('option', null, k === 0 ? 'all to the second part' : k === n ? 'all to the first part'
                    : 'after sentence ' + k + ': …' + u.sents[l][k - 1].slice(-40));
                o.value = String(k);
                sel.appendChild(o);
            }
            sel.value = String(n0 ? Math.round(n * k0 / n0) : Math.ceil(n / 2));
            cells[l].replaceChildren(sel);
            sels.push(sel);
        }
        busy = 'split';
        tools(row, 'Split', function () {
            busy = null;
            perform({o: 's', id: u.id, c: sels.map(function (s) { return Number(s.value); })});
        });
        sels[0].focus();
    }

    function edit() {
        var u = currentUnit();
        if (!u) return;
        var row = rowOf.get(u.id), cells = row.querySelectorAll('.t'), boxes = [];
        for (var l = 0; l < L; l++) {
            var ta = el('textarea');
            ta.value = textOf(u, l);
            ta.lang = data.langs[l];
            ta.dir = cells[l].dir;
            cells[l].replaceChildren(ta);
            boxes.push(ta);
        }
        busy = 'edit';
        tools(row, 'Save', function () {
            busy = null;
            perform({o: 'e', id: u.id, t: boxes.map(function (b) { return b.value.replace(/\s+/g, ' ').trim(); })});
        });
        boxes[0].focus();
    }

    function undo() {
        if (busy) { say('finish the open edit or split first'); return; }
        if (!ops.length) { say('nothing to undo'); return; }
        ops.pop();
        save();
        start();
    }

    /* ---- Export -------------------------------------------------------- */

    var BAD_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    function xml(s) {
        return s.replace(BAD_XML, '$1').replace(/[&<>"]/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
        });
    }

    function stamp() { return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'); }

    /* The corrected memory as TMX 1.4b: the kept units, with their
     * document, score, bead and paragraph as properties. */
    function toTmx() {
        var d = stamp(), out = [];
        out.push('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header creationtool="polyalign" ' +
                 'creationtoolversion="' + xml(data.version || '') + '" segtype="sentence" o-tmf="polyalign" ' +
                 'adminlang="en-US" srclang="' + xml(data.tags[0]) + '" datatype="plaintext" creationdate="' + d +
                 '"/>\n  <body>\n');
        var n = 0;
        units.forEach(function (u) {
            if (!isKept(u)) return;
            var s = '    <tu tuid="' + (++n) + '" creationdate="' + d + '">\n', doc = data.documents[u.doc];
            if (doc) s += '      <prop type="x-document">' + xml(doc) + '</prop>\n';
            if (u.score >= 0) s += '      <prop type="x-score">' + u.score.toFixed(4) + '</prop>\n';
            s += '      <prop type="x-bead">' + bead(u) + '</prop>\n';
            if (u.para >= 0) s += '      <prop type="x-paragraph">' + (u.para + 1) + '</prop>\n';
            if (u.numbers === 1) s += '      <prop type="x-numbers">differ</prop>\n';
            if (u.edited) s += '      <prop type="x-reviewed">edited</prop>\n';
            for (var l = 0; l < L; l++) {
                var t = textOf(u, l);
                if (t) s += '      <tuv xml:lang="' + xml(data.tags[l]) + '">\n        <seg>' + xml(t) + '</seg>\n      </tuv>\n';
            }
            out.push(s + '    </tu>\n');
        });
        out.push('  </body>\n</tmx>\n');
        return out.join('');
    }

    /* The kept units as TSV: score, then a column a language. */
    function toTsv() {
        var out = [];
        units.forEach(function (u) {
            if (!isKept(u)) return;
            var row = [u.score >= 0 ? u.score.toFixed(4) : ''];
            for (var l = 0; l < L; l++) row.push(textOf(u, l).replace(/[\t\r\n]/g, ' '));
            out.push(row.join('\t') + '\n');
        });
        return out.join('');
    }

    function download(suffix, type, text) {
        var a = document.createElement('a'), base = String(data.title || 'memory').replace(/\.(tmx|tsv|html)(\.gz)?$/i, '');
        a.href = URL.createObjectURL(new Blob([text], {type: type}));
        a.download = base.replace(/^.*[\\/]/, '') + '.reviewed' + suffix;
        a.style.display = 'none';
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
        say('exported ' + a.download);
    }

    /* ---- Start --------------------------------------------------------- */

    function start() {
        rebuild();
        rowOf.clear();
        tbody.replaceChildren();
        rendered = 0;
        headRow();
        summary();
        renderProgressively();
        var i = indexOfId(current);
        if (i >= 0) setCurrent(i, false); else current = -1;
    }

    function init() {
        var text = $('pa-data').textContent;
        try {
            data = JSON.parse(text);
        } catch (e) {
            say('the data of this page is damaged: ' + e.message);
            return;
        }
        L = data.langs.length;
        spaced = data.langs.map(function (g) { return !UNSPACED.test(g); });
        storeKey = 'polyalign-report:' + hash(text);
        $('title').textContent = 'Review: ' + (data.title || 'alignment') + ' (' + data.langs.join(', ') + ')';
        document.title = 'polyalign review: ' + (data.title || '');
        restore();
        tbody.addEventListener('click', function (ev) {
            var row = ev.target.closest('.u');
            if (row && !busy) setCurrent(indexOfId(Number(row.dataset.id)), false);
        });
        $('filter').addEventListener('change', function () { setFilter($('filter').value); });
        $('next').addEventListener('click', function () { jump(1); });
        $('prev').addEventListener('click', function () { jump(-1); });
        $('wrong').addEventListener('click', markWrong);
        $('merge').addEventListener('click', merge);
        $('split').addEventListener('click', split);
        $('edit').addEventListener('click', edit);
        $('undo').addEventListener('click', undo);
        $('export-tmx').addEventListener('click', function () { download('.tmx', 'application/x-tmx+xml', toTmx()); });
        $('export-tsv').addEventListener('click', function () { download('.tsv', 'text/tab-separated-values', toTsv()); });
        document.addEventListener('keydown', function (ev) {
            if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
            if (ev.key === 'Escape' && busy) { /* leaves an open edit or split */
                var cancel = document.querySelector('#rows .u.cur button.cancel');
                if (cancel) cancel.click();
                return;
            }
            var t = ev.target.tagName;
            if (t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT') return;
            var act = {j: function () { jump(1); }, n: function () { jump(1); }, k: function () { jump(-1); },
                       p: function () { jump(-1); }, w: markWrong, m: merge, s: split, e: edit, u: undo}[ev.key];
            if (act) { ev.preventDefault(); act(); }
        });
        start();
    }

    init();
})();
