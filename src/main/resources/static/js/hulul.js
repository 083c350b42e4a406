// Pages say they run with JavaScript, so what only a page without it needs can hide.
document.documentElement.classList.add('js');

// Sends the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// The entry grid of a report: arrow keys move between cells (left and right follow the
// page's direction, and only leave a cell from its first or last character), the computed
// totals follow what is typed, and after a save the first cell with a problem, or the
// message, gets the focus.
(function () {
  'use strict';

  var DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

  // the same reading as the server's (EnteredNumber): Arabic-Indic and Persian digits,
  // a decimal point, comma or Arabic separator, thousands grouping
  function number(text) {
    var t = (text || '').replace(DIGITS, function (d) {
      var c = d.charCodeAt(0);
      return String(c >= 0x06F0 ? c - 0x06F0 : c - 0x0660);
    }).replace(/\u066B/g, '.').replace(/[\u066C'\s\u00A0\u202F]/g, '');
    if (t === '') { return null; }
    if (/^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(t)) { t = t.replace(/,/g, ''); }
    else if (t.indexOf(',') === t.lastIndexOf(',') && t.indexOf('.') < 0) { t = t.replace(',', '.'); }
    return /^-?(\d+(\.\d+)?|\.\d+)$/.test(t) ? parseFloat(t) : NaN;
  }

  function show(sum) {
    return (Math.round(sum * 10000) / 10000).toString();
  }

  function recompute(table) {
    var ratio = table.dataset.ratio === 'true';
    var columns = {};
    var all = { v: 0, n: 0, d: 0, any: false, bad: false };
    table.querySelectorAll('tbody td').forEach(function (td) {
      var col = columns[td.dataset.column] = columns[td.dataset.column] || { v: 0, n: 0, d: 0, any: false, bad: false };
      td.querySelectorAll('input.cell').forEach(function (input) {
        var value = number(input.value);
        if (value === null) { return; }
        var kind = input.name.charAt(0);
        [col, all].forEach(function (s) {
          if (isNaN(value)) { s.bad = true; return; }
          s[kind] += value; s.any = true;
        });
      });
    });
    function text(s) {
      if (s.bad) { return '?'; }
      if (!s.any) { return '\u2013'; }
      return ratio ? show(s.n) + ' / ' + show(s.d) : show(s.v);
    }
    table.querySelectorAll('output.column-sum').forEach(function (out) {
      out.textContent = text(columns[out.dataset.column] || { any: false });
    });
    table.querySelectorAll('output.grid-sum').forEach(function (out) { out.textContent = text(all); });
  }

  document.addEventListener('input', function (event) {
    var table = event.target.closest && event.target.closest('table.grid');
    if (table) { recompute(table); }
  });

  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('table.grid input.cell')) { return; }
    if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var td = input.closest('td');
    var tr = td.parentElement;
    var rtl = getComputedStyle(tr).direction === 'rtl';
    var inRow = Array.prototype.slice.call(tr.querySelectorAll('input.cell'));
    var at = inRow.indexOf(input);
    var target = null;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      var rows = Array.prototype.slice.call(tr.parentElement.children);
      var next = rows[rows.indexOf(tr) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) { target = next.querySelectorAll('input.cell')[at]; }
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      // the caret leaves a cell from its edge in the cell's own direction (numbers are
      // left to right); the cell it goes to is the one on that side of the page
      var left = event.key === 'ArrowLeft';
      var ltrInput = getComputedStyle(input).direction !== 'rtl';
      var atEdge = (left === ltrInput) ? input.selectionStart === 0 : input.selectionEnd === input.value.length;
      if (atEdge) { target = inRow[at + ((left === rtl) ? 1 : -1)]; }
    }
    if (target) {
      event.preventDefault();
      target.focus();
      target.select();
    }
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var body = document.getElementById('report-body');
    if (!body || !event.detail.elt || !(event.detail.elt === body || body.contains(event.detail.elt))) { return; }
    var focus = body.querySelector('#entry [aria-invalid=true]') || body.querySelector('#entry .entry-message');
    if (focus && event.detail.requestConfig && event.detail.requestConfig.verb === 'post') { focus.focus(); }
  });
})();
