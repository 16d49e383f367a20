/* The personal growth plan (skill_matrix extension): see plan_page.py and html/plan_data.py.
 *
 * The page holds the roles, levels and labels (script.skill-plan-config). The chosen role's
 * data comes from plan-data/<role id>.js, loaded with a script element (works on file:// too),
 * which calls window.skillPlan.receive(data).
 *
 * The plan lives in the page's query:
 *   role=<role id>  current=<level id>  target=<level id>
 *   o=<skill key><level digit>.…             per-skill current levels
 *   t=<skill key>(<level digit><hash>)+.…    ticked items, grouped by skill
 * A skill key is 4 base-36 digits of a hash of the skill id, a level digit is the level's index
 * in base 36, a hash is 2 base-36 digits of a hash of the cell's English text and flag (so a
 * ticked item whose text changed since is marked). Anything unreadable is ignored and named.
 *
 * Levels with tracks (config.next: each level id's next level ids; absent: one path in the levels'
 * order): the plan follows levelPath(current, target), one path along the tracks; a target on
 * another track is reached from the nearest earlier level both share, and the path is shown.
 */
(function () {
  'use strict';

  var KEY = 4;
  var CHUNK = 3;
  var plan = document.querySelector('.skill-growth-plan');
  var configNode = plan && plan.querySelector('script.skill-plan-config');
  if (!plan || !configNode) { return; }
  var config;
  try { config = JSON.parse(configNode.textContent); } catch (error) { return; }
  var L = config.labels;
  var levels = config.levels;
  var levelIndex = {};
  levels.forEach(function (level, index) { levelIndex[level.id] = index; });
  // nextOf[i]: the indexes of the levels one steps up to from level i.
  var nextOf = levels.map(function (level, index) {
    if (!config.next) { return index + 1 < levels.length ? [index + 1] : []; }
    return (config.next[level.id] || []).map(function (id) { return levelIndex[id]; });
  });
  var previousOf = levels.map(function () { return []; });
  nextOf.forEach(function (after, index) { after.forEach(function (next) { previousOf[next].push(index); }); });
  var roleNames = {};
  config.roles.forEach(function (role) { roleNames[role.id] = role.name; });
  var plurals = new Intl.PluralRules(config.language.replace('_', '-'));

  var state = { role: '', current: 0, target: 1, overrides: {}, ticks: {}, ignored: [] };
  var data = null;          // the chosen role's data, once it arrived
  var pendingTicks = null;  // the link's ticks and overrides, read once the data arrived
  var loaded = {};          // role id -> data

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }
  function plural(forms, count, values) {
    var form = plurals.select(count) === 'one' ? forms.one : forms.other;
    return fill(form, values);
  }
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attributes[name]; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function digit(index) { return index.toString(36); }

  // --- paths along the tracks ------------------------------------------------------------------

  // The levels reached from *from* by steps along *edges* (nextOf or previousOf), nearest first,
  // each with the level it was reached from: {order: [indexes], parent: {index: index}}.
  function walk(from, edges) {
    var order = [from];
    var parent = {};
    parent[from] = -1;
    for (var at = 0; at < order.length; at += 1) {
      edges[order[at]].forEach(function (next) {
        if (!Object.prototype.hasOwnProperty.call(parent, next)) { parent[next] = order[at]; order.push(next); }
      });
    }
    return { order: order, parent: parent };
  }

  // The path from level *from* to level *to* (indexes): {steps: [[before, now], …], via: [indexes]}.
  // Up along the tracks when *to* lies ahead (via is empty); else from the nearest earlier level
  // from which *to* lies ahead (the fork of another track), whose levels up to *to* are the steps
  // and, but for *to*, the via. No steps when *to* is *from* or lies behind it.
  function levelPath(from, to) {
    var starts = walk(from, previousOf).order;  // from itself first, then earlier levels, nearest first
    for (var at = 0; at < starts.length; at += 1) {
      var ahead = walk(starts[at], nextOf);
      if (starts[at] === to || !Object.prototype.hasOwnProperty.call(ahead.parent, to)) { continue; }
      var chain = [to];
      while (chain[0] !== starts[at]) { chain.unshift(ahead.parent[chain[0]]); }
      var steps = [];
      for (var step = 1; step < chain.length; step += 1) { steps.push([chain[step - 1], chain[step]]); }
      return { steps: steps, via: at ? chain.slice(0, -1) : [] };
    }
    return { steps: [], via: [] };
  }

  // "via A → B" for a target on another track, else ''.
  function viaText(path) {
    if (!path.via.length) { return ''; }
    return fill(L.via, { path: path.via.map(function (index) { return levels[index].name; }).join(' → ') });
  }
  function withVia(text, path) {
    var via = viaText(path);
    return via ? text + ' (' + via + ')' : text;
  }
  function defaultTarget(current) { return nextOf[current].length ? nextOf[current][0] : current; }
  // For make bench-plan: when the data arrived and when the plan was built from it.
  function mark(name) { if (window.performance && performance.mark) { performance.mark(name); } }

  // --- reading and writing the link -----------------------------------------------------------

  function readQuery() {
    var params;
    try { params = new URLSearchParams(window.location.search); } catch (error) { params = new URLSearchParams(''); }
    var ignored = [];
    var role = params.get('role') || '';
    if (role && !Object.prototype.hasOwnProperty.call(roleNames, role)) {
      ignored.push(fill(L.ignoredRole, { value: role.slice(0, 40) }));
      role = '';
    }
    var current = 0;
    var target = null;
    ['current', 'target'].forEach(function (name) {
      var value = params.get(name);
      if (value === null || value === '') { return; }
      if (!Object.prototype.hasOwnProperty.call(levelIndex, value)) {
        ignored.push(fill(L.ignoredLevel, { value: value.slice(0, 40) }));
      } else if (name === 'current') {
        current = levelIndex[value];
      } else {
        target = levelIndex[value];
      }
    });
    if (target === null) { target = defaultTarget(current); }
    state.role = role;
    state.current = current;
    state.target = target;
    state.ignored = ignored;
    pendingTicks = { o: params.get('o') || '', t: params.get('t') || '' };
  }

  function skillsByKey() {
    var byKey = {};
    data.skills.forEach(function (skill) { (byKey[skill.key] = byKey[skill.key] || []).push(skill); });
    return byKey;
  }

  // Read the link's overrides and ticks against the role's data; count what cannot be read.
  function applyPending() {
    if (!pendingTicks) { return; }
    var byKey = skillsByKey();
    var badOverrides = 0;
    var badTicks = 0;
    state.overrides = {};
    state.ticks = {};
    pendingTicks.o.split('.').forEach(function (part) {
      if (!part) { return; }
      var skills = byKey[part.slice(0, KEY)];
      var level = parseInt(part.slice(KEY), 36);
      if (part.length !== KEY + 1 || !skills || !(level >= 0 && level < levels.length)) { badOverrides += 1; return; }
      skills.forEach(function (skill) { state.overrides[skill.id] = level; });
    });
    pendingTicks.t.split('.').forEach(function (part) {
      if (!part) { return; }
      var skills = byKey[part.slice(0, KEY)];
      var rest = part.slice(KEY);
      if (!skills || !/^[0-9a-z]+$/.test(rest)) {
        badTicks += Math.max(1, Math.floor(rest.length / CHUNK));
        return;
      }
      for (var at = 0; at < rest.length; at += CHUNK) {
        var chunk = rest.slice(at, at + CHUNK);
        var level = parseInt(chunk.charAt(0), 36);
        if (chunk.length !== CHUNK || !(level >= 0 && level < levels.length)) { badTicks += 1; continue; }
        var hash = chunk.slice(1);
        // Two skills of one role may share a key: the one whose text matches wins.
        var skill = skills.filter(function (candidate) { return candidate.cells[level][2] === hash; })[0] || skills[0];
        (state.ticks[skill.id] = state.ticks[skill.id] || {})[level] = hash;
      }
    });
    if (badOverrides) { state.ignored.push(plural(L.ignoredOverrides, badOverrides, { count: badOverrides })); }
    if (badTicks) { state.ignored.push(plural(L.ignoredTicks, badTicks, { count: badTicks })); }
    pendingTicks = null;
  }

  function writeQuery() {
    var params = new URLSearchParams();
    if (state.role) { params.set('role', state.role); }
    params.set('current', levels[state.current].id);
    params.set('target', levels[state.target].id);
    if (data) {
      var overrides = [];
      var ticks = [];
      data.skills.forEach(function (skill) {
        if (Object.prototype.hasOwnProperty.call(state.overrides, skill.id)) {
          overrides.push(skill.key + digit(state.overrides[skill.id]));
        }
        var ticked = state.ticks[skill.id];
        var chunks = Object.keys(ticked || {}).sort(function (a, b) { return a - b; }).map(function (level) {
          return digit(Number(level)) + ticked[level];
        });
        if (chunks.length) { ticks.push(skill.key + chunks.join('')); }
      });
      if (overrides.length) { params.set('o', overrides.join('.')); }
      if (ticks.length) { params.set('t', ticks.join('.')); }
    } else if (pendingTicks) {  // the role's data has not arrived (or never will): keep the link's
      if (pendingTicks.o) { params.set('o', pendingTicks.o); }
      if (pendingTicks.t) { params.set('t', pendingTicks.t); }
    }
    var url = window.location.pathname + '?' + params.toString() + window.location.hash;
    try { window.history.replaceState(null, '', url); } catch (error) { /* some file:// hosts refuse it */ }
  }

  // --- the plan ------------------------------------------------------------------------------

  function skillCurrent(skill) {
    return Object.prototype.hasOwnProperty.call(state.overrides, skill.id) ? state.overrides[skill.id] : state.current;
  }

  // What to cover in *skill*: each level on the path from its current one to the target whose
  // text or flag differs from the level before it on the path; newly required ones first.
  function itemsOf(skill) {
    var items = [];
    levelPath(skillCurrent(skill), state.target).steps.forEach(function (step, order) {
      var before = skill.cells[step[0]];
      var now = skill.cells[step[1]];
      if (before[0] === now[0] && before[1] === now[1]) { return; }
      items.push({
        skill: skill, level: step[1], from: step[0], order: order, before: before, now: now,
        becomesRequired: !before[0] && now[0]
      });
    });
    items.sort(function (a, b) { return (b.becomesRequired - a.becomesRequired) || (a.order - b.order); });
    return items;
  }

  function isTicked(item) {
    var ticked = state.ticks[item.skill.id];
    return Boolean(ticked && Object.prototype.hasOwnProperty.call(ticked, item.level));
  }
  function isChanged(item) {
    return isTicked(item) && state.ticks[item.skill.id][item.level] !== item.now[2];
  }
  function itemId(item) {
    return 'plan-' + item.skill.id + '-' + levels[item.level].id + '-' + state.role;
  }

  // Every control has autocomplete="off": the link holds the plan, the browser keeps no form state
  // of its own, and so a tick's history.replaceState need not save thousands of controls' states.
  var controls = el('div', { class: 'skill-plan-controls' });
  var roleSelect = el('select', { id: 'skill-plan-role', autocomplete: 'off' });
  var currentSelect = el('select', { id: 'skill-plan-current', autocomplete: 'off' });
  var targetSelect = el('select', { id: 'skill-plan-target', autocomplete: 'off' });
  var actions = el('div', { class: 'skill-plan-actions' });
  var notice = el('p', { class: 'skill-plan-notice', role: 'status' });
  var summary = el('p', { class: 'skill-plan-summary' });
  var progress = el('p', { class: 'skill-plan-progress', 'aria-live': 'polite' });
  var body = el('div', { class: 'skill-plan-body' });

  function buildControls() {
    roleSelect.appendChild(el('option', { value: '', text: L.chooseRole }));
    config.roles.forEach(function (role) { roleSelect.appendChild(el('option', { value: role.id, text: role.name })); });
    levels.forEach(function (level) {
      currentSelect.appendChild(el('option', { value: level.id, text: level.name }));
      targetSelect.appendChild(el('option', { value: level.id, text: level.name }));
    });
    [[roleSelect, L.role], [currentSelect, L.current], [targetSelect, L.target]].forEach(function (pair) {
      controls.appendChild(el('div', { class: 'skill-plan-control' }, [
        el('label', { for: pair[0].id, text: pair[1] }), pair[0]
      ]));
    });
    var buttons = [
      [L.downloadMarkdown, downloadMarkdown], [L.copyMarkdown, copyMarkdown], [L.downloadCsv, downloadCsv]
    ];
    buttons.forEach(function (pair) {
      var button = el('button', { type: 'button', class: 'skill-plan-action', text: pair[0] });
      button.addEventListener('click', pair[1]);
      actions.appendChild(button);
    });
    roleSelect.addEventListener('change', function () {
      state.role = roleSelect.value;
      state.overrides = {};
      state.ticks = {};
      pendingTicks = null;  // the link's ticks belong to the role it named
      load();
    });
    currentSelect.addEventListener('change', function () {
      state.current = levelIndex[currentSelect.value];
      var path = levelPath(state.current, state.target);  // a target behind or on another track: the next level
      if (!path.steps.length || path.via.length) { state.target = defaultTarget(state.current); }
      render();
    });
    targetSelect.addEventListener('change', function () {
      state.target = levelIndex[targetSelect.value];
      render();
    });
    plan.appendChild(controls);
    plan.appendChild(actions);
    plan.appendChild(notice);
    plan.appendChild(summary);
    plan.appendChild(progress);
    plan.appendChild(body);
  }

  function showNotice() {
    notice.textContent = state.ignored.length ? fill(L.ignored, { parts: state.ignored.join('; ') }) : '';
    notice.hidden = !state.ignored.length;
  }

  function load() {
    writeQuery();
    body.textContent = '';
    progress.textContent = '';
    summary.textContent = '';
    data = null;
    actions.hidden = true;
    if (!state.role) { render(); return; }
    if (loaded[state.role]) { data = loaded[state.role]; applyPending(); render(); return; }
    var role = state.role;
    body.appendChild(el('p', { text: fill(L.loading, { name: roleNames[role] }) }));
    var script = el('script', { src: config.data + encodeURIComponent(role) + '.js' });
    script.addEventListener('error', function () { if (state.role === role) { showLoadFailed(role); } });
    document.head.appendChild(script);
  }

  function showLoadFailed(role) {
    body.textContent = '';
    body.appendChild(el('p', { class: 'skill-plan-failed', text: fill(L.loadFailed, { name: roleNames[role] }) }));
  }

  window.skillPlan = {
    receive: function (received) {
      try {
        if (!received || !Object.prototype.hasOwnProperty.call(roleNames, received.role)) { return; }
        if (received.version !== config.version) {  // a data file of another build
          if (received.role === state.role) { showLoadFailed(received.role); }
          return;
        }
        received.skills.forEach(function (skill) {  // names of the domain and group, from their tables
          var domain = received.domains[skill.domain];
          skill.domain = domain[0];
          skill.domainId = domain[1];
          skill.group = received.groups[skill.group];
        });
        loaded[received.role] = received;
        if (received.role === state.role) {
          mark('skill-plan-data');
          data = received;
          applyPending();
          render();
          mark('skill-plan-rendered');
        }
      } catch (error) {
        state.ignored.push(String(error && error.message));
        showNotice();
      }
    }
  };

  function summaryText() {
    return withVia(fill(L.summary, {
      name: roleNames[state.role], current: levels[state.current].name, target: levels[state.target].name
    }), levelPath(state.current, state.target));
  }

  // With tracks, each target names the path to it from the current level when it is on another track.
  function labelTargets() {
    if (!config.next) { return; }
    Array.prototype.forEach.call(targetSelect.options, function (option, index) {
      option.textContent = withVia(levels[index].name, levelPath(state.current, index));
    });
  }

  function dateText() {
    var options = L.numericDate ? { year: 'numeric', month: 'numeric', day: 'numeric' }
      : { year: 'numeric', month: 'short', day: 'numeric' };
    try { return new Intl.DateTimeFormat(config.language.replace('_', '-'), options).format(new Date()); } catch (error) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  var counters = [];  // functions refreshing the progress texts after a tick

  function render() {
    counters = [];
    roleSelect.value = state.role;
    currentSelect.value = levels[state.current].id;
    targetSelect.value = levels[state.target].id;
    labelTargets();
    showNotice();
    body.textContent = '';
    if (!data) { return; }
    actions.hidden = false;
    summary.textContent = summaryText() + ' · ' + fill(L.date, { date: dateText() });
    if (!data.skills.length) { body.appendChild(el('p', { text: L.noSkills })); }
    var domainSection = null;
    var groupSection = null;
    var lastDomain = null;
    var lastGroup = null;
    data.skills.forEach(function (skill) {
      if (skill.domain !== lastDomain) {
        domainSection = el('section', { class: 'skill-plan-domain', 'data-domain': skill.domainId }, [
          el('h2', { text: skill.domain })
        ]);
        body.appendChild(domainSection);
        lastDomain = skill.domain;
        lastGroup = null;
      }
      if (skill.group !== lastGroup) {
        groupSection = el('section', { class: 'skill-plan-group' }, [el('h3', { text: skill.group })]);
        domainSection.appendChild(groupSection);
        lastGroup = skill.group;
      }
      groupSection.appendChild(renderSkill(skill));
    });
    refresh();
    writeQuery();
  }

  function renderSkill(skill) {
    var article = el('article', { class: 'skill-plan-skill', id: 'plan-' + skill.id, 'data-skill': skill.id });
    var heading = el('h4');
    heading.appendChild(skill.href ? el('a', { href: skill.href, text: skill.title }) : document.createTextNode(skill.title));
    article.appendChild(heading);
    var select = el('select', { id: 'skill-plan-current-' + skill.id, class: 'skill-plan-override', autocomplete: 'off' });
    select.appendChild(el('option', { value: '', text: fill(L.sameAsRole, { level: levels[state.current].name }) }));
    levels.forEach(function (level) { select.appendChild(el('option', { value: level.id, text: level.name })); });
    select.value = Object.prototype.hasOwnProperty.call(state.overrides, skill.id) ? levels[state.overrides[skill.id]].id : '';
    select.addEventListener('change', function () {
      if (select.value) { state.overrides[skill.id] = levelIndex[select.value]; } else { delete state.overrides[skill.id]; }
      counters = counters.filter(function (counter) { return counter.skill !== skill; });
      var replacement = renderSkill(skill);
      article.parentNode.replaceChild(replacement, article);
      refresh(skill);
      writeQuery();
      replacement.querySelector('select').focus();
    });
    article.appendChild(el('div', { class: 'skill-plan-control skill-plan-skill-level' }, [
      el('label', { for: select.id, text: fill(L.skillCurrent, { skill: skill.title }) }), select
    ]));
    var items = itemsOf(skill);
    var current = skillCurrent(skill);
    if (!items.length) {
      var text = !levelPath(current, state.target).steps.length ? fill(L.atTarget, { target: levels[state.target].name })
        : fill(L.nothing, { current: levels[current].name, target: levels[state.target].name });
      article.appendChild(el('p', { class: 'skill-plan-nothing', text: text }));
      return article;
    }
    var skillProgress = el('p', { class: 'skill-plan-skill-progress' });
    var hint = el('p', { class: 'skill-plan-hint' });
    article.appendChild(skillProgress);
    article.appendChild(hint);
    var list = el('ul', { class: 'skill-plan-items' });
    items.forEach(function (item) { list.appendChild(renderItem(item)); });
    article.appendChild(list);
    counters.push({ skill: skill, items: items, progress: skillProgress, hint: hint });
    return article;
  }

  function flagText(item) {
    if (item.before[0] === item.now[0]) { return item.now[0] ? L.required : L.optional; }
    return item.now[0] ? L.becomesRequired : L.becomesOptional;
  }

  function renderItem(item) {
    var id = itemId(item);
    var textId = id + '-text';
    var box = el('input', { type: 'checkbox', id: id + '-covered', 'aria-labelledby': textId, autocomplete: 'off' });
    box.checked = isTicked(item);
    var changed = el('p', { class: 'skill-plan-changed', text: L.changed });
    changed.hidden = !isChanged(item);
    box.addEventListener('change', function () {
      if (box.checked) {
        (state.ticks[item.skill.id] = state.ticks[item.skill.id] || {})[item.level] = item.now[2];
      } else if (state.ticks[item.skill.id]) {
        delete state.ticks[item.skill.id][item.level];
        if (!Object.keys(state.ticks[item.skill.id]).length) { delete state.ticks[item.skill.id]; }
      }
      changed.hidden = !isChanged(item);
      refresh(item.skill);
      writeQuery();
    });
    var flag = el('p', {
      class: 'skill-plan-flag' + (item.becomesRequired ? ' skill-plan-becomes-required' : ''), text: flagText(item)
    });
    return el('li', { class: 'skill-plan-item', id: id, 'data-level': levels[item.level].id }, [
      el('div', { class: 'skill-plan-tick' }, [
        box, el('span', { class: 'skill-plan-box', 'aria-hidden': 'true' }),
        el('label', { for: box.id, class: 'skill-plan-covered', 'aria-hidden': 'true', text: L.covered })
      ]),
      el('div', { class: 'skill-plan-texts' }, [
        el('div', { class: 'skill-plan-before' }, [
          el('p', { class: 'skill-plan-level', text: fill(L.previous, { level: levels[item.from].name }) }),
          el('p', { text: item.before[1] })
        ]),
        el('div', { class: 'skill-plan-now' }, [
          el('p', { class: 'skill-plan-level', text: fill(L.next, { level: levels[item.level].name }) }),
          el('p', { id: textId, text: item.now[1] }),
          examplesOf(item.now)
        ])
      ]),
      flag,
      changed
    ]);
  }

  // A cell's examples (its fourth item, when it has some), collapsed as on the skill's page.
  function examplesOf(cell) {
    var examples = cell[3] || [];
    if (!examples.length) { return null; }
    return el('details', { class: 'skill-plan-examples' }, [
      el('summary', { text: plural(L.examples, examples.length, { count: examples.length }) }),
      el('ul', {}, examples.map(function (example) { return el('li', { text: example }); }))
    ]);
  }

  function refreshSkill(counter) {
    var done = counter.items.filter(isTicked).length;
    counter.progress.textContent = plural(L.progress, counter.items.length, { covered: done, total: counter.items.length });
    var atTarget = counter.items.filter(function (item) { return item.level === state.target; });
    var hintTotal = atTarget.length;
    counter.hint.hidden = !hintTotal;
    counter.hint.textContent = hintTotal ? plural(L.hint, hintTotal, {
      covered: atTarget.filter(isTicked).length, total: hintTotal, level: levels[state.target].name
    }) : '';
  }

  // The progress texts: of *skill* only (after a tick or a change of its level), or of every skill.
  function refresh(skill) {
    var covered = 0;
    var total = 0;
    counters.forEach(function (counter) {
      if (!skill || counter.skill === skill) { refreshSkill(counter); }
      covered += counter.items.filter(isTicked).length;
      total += counter.items.length;
    });
    progress.textContent = plural(L.progress, total, { covered: covered, total: total });
  }

  // --- taking it to the 1:1 ------------------------------------------------------------------

  function planItems() {
    var rows = [];
    if (!data) { return rows; }
    data.skills.forEach(function (skill) {
      itemsOf(skill).forEach(function (item) { rows.push(item); });
    });
    return rows;
  }

  function markdownText(text) {
    return String(text).replace(/\s+/g, ' ').replace(/([\\`*_{}\[\]<>#|!])/g, '\\$1');
  }

  function markdown() {
    var lines = ['# ' + markdownText(L.title + ': ' + roleNames[state.role]), ''];
    lines.push('- ' + markdownText(L.role) + ': ' + markdownText(roleNames[state.role]));
    lines.push('- ' + markdownText(L.current) + ': ' + markdownText(levels[state.current].name));
    lines.push('- ' + markdownText(L.target) + ': ' +
      markdownText(withVia(levels[state.target].name, levelPath(state.current, state.target))));
    lines.push('- ' + markdownText(fill(L.date, { date: dateText() })));
    var items = planItems();
    var done = items.filter(isTicked).length;
    lines.push('- ' + markdownText(plural(L.progress, items.length, { covered: done, total: items.length })));
    var lastSkill = null;
    items.forEach(function (item) {
      var skill = item.skill;
      if (skill !== lastSkill) {
        lines.push('', '## ' + markdownText(skill.domain + ' › ' + skill.group + ' › ' + skill.title) +
          ' (' + markdownText(withVia(levels[skillCurrent(skill)].name + ' → ' + levels[state.target].name,
            levelPath(skillCurrent(skill), state.target))) + ')', '');
        lastSkill = skill;
      }
      var line = '- [' + (isTicked(item) ? 'x' : ' ') + '] ' + markdownText(levels[item.level].name + ': ' + item.now[1]) +
        ' (' + markdownText(flagText(item)) + ')';
      if (isChanged(item)) { line += ' (' + markdownText(L.changed) + ')'; }
      lines.push(line);
      var examples = item.now[3] || [];
      if (examples.length) {
        lines.push('  - ' + markdownText(plural(L.examples, examples.length, { count: examples.length })));
        examples.forEach(function (example) { lines.push('    - ' + markdownText(example)); });
      }
    });
    return lines.join('\n') + '\n';
  }

  function spreadsheetText(cell) {
    var text = String(cell);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function csv() {
    var rows = [[L.domain, L.group, L.skill, L.level, L.required, L.description, L.covered]];
    planItems().forEach(function (item) {
      rows.push([item.skill.domain, item.skill.group, item.skill.title, levels[item.level].name, flagText(item),
        item.now[1], isTicked(item) ? 'x' : '']);
    });
    return '\ufeff' + rows.map(function (row) { return row.map(spreadsheetText).join(','); }).join('\r\n') + '\r\n';
  }

  function fileName(extension) {
    return 'growth-plan-' + state.role + '-' + levels[state.current].id + '-' + levels[state.target].id + '.' + extension;
  }

  function download(text, type, name) {
    var link = el('a', { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function downloadMarkdown() { download(markdown(), 'text/markdown;charset=utf-8', fileName('md')); }
  function downloadCsv() { download(csv(), 'text/csv;charset=utf-8', fileName('csv')); }

  function copyMarkdown() {
    var text = markdown();
    var done = function () { progress.textContent = L.copied; };
    var failed = function () { progress.textContent = L.copyFailed; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  // --- start ---------------------------------------------------------------------------------

  try {
    plan.classList.add('skill-plan-ready');
    buildControls();
    readQuery();
    load();
  } catch (error) {
    notice.hidden = false;
    notice.textContent = fill(L.ignored, { parts: String(error && error.message) });
  }
}());
