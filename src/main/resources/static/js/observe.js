// Capture of observations on a phone (templates/observation/capture.html). Nothing typed is lost:
// the draft lives in localStorage from the first tap; a saved draft moves to an outbox that is sent
// with the draft's own idempotency key, so a retry (after a dropped network, a reload, a failed
// submit) answers with the observation already made instead of making a second one.
(function () {
  'use strict';
  var root = document.getElementById('capture');
  if (!root) return;
  var meetingId = root.dataset.meetingId;
  var postUrl = root.dataset.postUrl;
  var DRAFT = 'orgcoach.observe.draft.' + meetingId;
  var OUTBOX = 'orgcoach.observe.outbox';
  var body = document.body;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  function load(key, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key)); return v == null ? fallback : v; } catch (e) { return fallback; }
  }
  function store(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function fresh() { return { key: uuid(), meetingId: meetingId, personId: null, ratings: {}, note: '', brightSpot: false }; }

  var draft = load(DRAFT, null) || fresh();

  function saveDraft() { store(DRAFT, draft); }

  // --- the form reflects the draft ------------------------------------------------------------
  var people = root.querySelectorAll('.capture-person');
  var behaviours = root.querySelectorAll('.capture-behaviour');
  var note = document.getElementById('capture-note');
  var bright = document.getElementById('capture-bright');
  var problem = document.getElementById('capture-problem');

  function render() {
    people.forEach(function (b) {
      var on = b.dataset.personId === draft.personId;
      b.classList.toggle('active', on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
    behaviours.forEach(function (el) {
      var id = el.dataset.behaviourId;
      var seen = Object.prototype.hasOwnProperty.call(draft.ratings, id);
      var toggle = el.querySelector('.capture-toggle');
      toggle.classList.toggle('btn-primary', seen);
      toggle.classList.toggle('btn-light', !seen);
      toggle.setAttribute('aria-pressed', seen ? 'true' : 'false');
      el.querySelector('.capture-scale').hidden = !seen;
      el.querySelectorAll('.capture-rating').forEach(function (r) {
        var on = seen && String(draft.ratings[id]) === r.dataset.rating;
        r.classList.toggle('active', on);
        r.setAttribute('aria-pressed', on ? 'true' : 'false');
      });
    });
    note.value = draft.note || '';
    bright.checked = !!draft.brightSpot;
  }

  people.forEach(function (b) {
    b.addEventListener('click', function () { draft.personId = b.dataset.personId; saveDraft(); render(); });
  });
  behaviours.forEach(function (el) {
    var id = el.dataset.behaviourId;
    el.querySelector('.capture-toggle').addEventListener('click', function () {
      if (Object.prototype.hasOwnProperty.call(draft.ratings, id)) delete draft.ratings[id];
      else draft.ratings[id] = null;
      saveDraft(); render();
    });
    el.querySelectorAll('.capture-rating').forEach(function (r) {
      r.addEventListener('click', function () { draft.ratings[id] = Number(r.dataset.rating); saveDraft(); render(); });
    });
  });
  note.addEventListener('input', function () { draft.note = note.value; saveDraft(); });
  bright.addEventListener('change', function () { draft.brightSpot = bright.checked; saveDraft(); });

  function complete(d) {
    if (!d.personId) return false;
    var ids = Object.keys(d.ratings);
    return ids.length > 0 && ids.every(function (k) { return d.ratings[k] >= 1 && d.ratings[k] <= 5; });
  }

  document.getElementById('capture-submit').addEventListener('click', function () {
    if (!complete(draft)) { problem.textContent = root.dataset.textMissing; problem.hidden = false; return; }
    problem.hidden = true;
    var outbox = load(OUTBOX, []);
    var label = (root.querySelector('.capture-person[data-person-id="' + draft.personId + '"]') || {}).textContent || '';
    outbox.push({ url: postUrl, label: label, state: 'queued', error: null, draft: draft });
    store(OUTBOX, outbox);
    var keepPerson = draft.personId;
    draft = fresh();
    draft.personId = keepPerson;
    saveDraft();
    render();
    renderOutbox();
    flush();
  });

  // --- the outbox --------------------------------------------------------------------------------
  var list = document.getElementById('capture-outbox');
  var sent = [];

  function renderOutbox() {
    list.textContent = '';
    load(OUTBOX, []).forEach(function (item, i) { list.appendChild(row(item, i)); });
    sent.forEach(function (label) {
      var li = document.createElement('li');
      li.className = 'list-group-item list-group-item-success';
      li.dataset.state = 'sent';
      li.textContent = label + ' · ' + root.dataset.textSent;
      list.appendChild(li);
    });
  }

  function row(item, index) {
    var li = document.createElement('li');
    li.className = 'list-group-item ' + (item.state === 'rejected' ? 'list-group-item-danger' : 'list-group-item-warning');
    li.dataset.state = item.state;
    li.textContent = item.label + ' · ' + (item.state === 'rejected' ? root.dataset.textRejected + ' ' + (item.error || '') : root.dataset.textQueued);
    if (item.state === 'rejected' && item.draft.meetingId === meetingId) {
      var edit = document.createElement('button');
      edit.type = 'button';
      edit.className = 'btn btn-sm btn-outline-danger ms-2';
      edit.textContent = root.dataset.textEdit;
      edit.addEventListener('click', function () {
        var outbox = load(OUTBOX, []);
        var taken = outbox.splice(index, 1)[0];
        store(OUTBOX, outbox);
        draft = taken.draft;
        saveDraft(); render(); renderOutbox();
      });
      li.appendChild(edit);
    }
    return li;
  }

  var flushing = false;
  function flush() {
    if (flushing) return;
    var outbox = load(OUTBOX, []);
    var next = outbox.find(function (i) { return i.state === 'queued'; });
    if (!next) return;
    flushing = true;
    var d = next.draft;
    var payload = {
      idempotencyKey: d.key,
      meetingId: d.meetingId,
      personId: d.personId,
      ratings: Object.keys(d.ratings).map(function (k) { return { behaviourId: k, rating: d.ratings[k] }; }),
      note: d.note,
      brightSpot: d.brightSpot
    };
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (body.dataset.csrfHeader && body.dataset.csrfToken) headers[body.dataset.csrfHeader] = body.dataset.csrfToken;
    window.fetch(next.url, { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(payload) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (json) { return { status: r.status, json: json }; });
      })
      .then(function (res) {
        var box = load(OUTBOX, []);
        var at = box.findIndex(function (i) { return i.draft.key === d.key; });
        if (res.status === 200 || res.status === 201) {
          if (at >= 0) box.splice(at, 1);
          sent.unshift(next.label);
        } else if (res.status === 422 && at >= 0) {
          box[at].state = 'rejected';
          box[at].error = res.json && res.json.error;
        } else {
          throw new Error('status ' + res.status); // a session or server problem: keep and retry
        }
        store(OUTBOX, box);
        flushing = false;
        renderOutbox();
        flush();
      })
      .catch(function () { flushing = false; renderOutbox(); });
  }

  window.addEventListener('online', flush);
  setInterval(flush, 15000);
  render();
  renderOutbox();
  flush();
})();
