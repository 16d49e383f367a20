/* Skill and role pages: a level picker (compare a level with a target level) and, on skill
 * pages, a role filter.
 *
 * The page holds every table; this script only adds controls and hides or adds elements, so
 * without it the page shows everything. Its words and the texts come from the JSON block the
 * build writes into each div.skill-explorer, in the page's language
 * (_ext/skill_matrix/html/explorer.py). The comparison has a row per role of the skill on a
 * skill page ("roles" in the data), a row per skill of the role on a role page ("skills"),
 * where the skills whose required flag changes come first. The choice lives in the URL:
 * ?level=…&target=… and, on skill pages, &roles=…
 *
 * With level tracks ("next" in the data: each level id's next level ids) the target levels are
 * those ahead of the current one along the tracks, in the page's order, the nearest first by
 * default; without "next" they are the levels after it.
 *
 * A link to a row, cell or table (#<skill>-<level>-<role>, data/anchors.py) is honoured even
 * when the choice in the URL would hide it: the row (or table) is shown, scrolled to, and the
 * status line says so, until the reader changes the choice.
 */
(function () {
  'use strict';

  var PARAMS = { current: 'level', target: 'target', roles: 'roles' };

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  /* The role id of an element classed skill-role-<id> or skill-table-role-<id>, or null. */
  function roleOf(node) {
    for (var i = 0; i < node.classList.length; i++) {
      var match = /^skill-(?:table-)?role-(.+)$/.exec(node.classList[i]);
      if (match) return match[1];
    }
    return null;
  }

  /* The level id of an element classed skill-level-<id>, or null. */
  function levelOf(node) {
    for (var i = 0; i < node.classList.length; i++) {
      var match = /^skill-level-(.+)$/.exec(node.classList[i]);
      if (match) return match[1];
    }
    return null;
  }

  /* The id after *prefix* in an element's classes (skill-of-<skill id>, skill-role-<role id>), or null. */
  function classValue(node, prefix) {
    for (var i = 0; i < node.classList.length; i++) {
      if (node.classList[i].indexOf(prefix) === 0) return node.classList[i].slice(prefix.length);
    }
    return null;
  }

  function Explorer(container, index) {
    var data = JSON.parse(container.querySelector('script.skill-explorer-data').textContent);
    var rolePage = Boolean(data.skills);
    this.data = data;
    this.labels = data.labels;
    this.container = container;
    this.scope = container.closest('.skill-matrix, .skill-role-profile') || document;
    this.rows = rolePage ? data.skills : data.roles;
    this.filterable = !rolePage;  // a skill page filters its roles; a role page shows every skill
    this.changesFirst = rolePage;
    this.rowClass = rolePage ? 'skill-of-' : 'skill-role-';
    this.rowHeader = rolePage ? data.labels.skill : data.labels.role;
    this.statusTemplate = rolePage ? data.labels.statusSkills : data.labels.status;
    this.levelIds = data.levels.map(function (level) { return level.id; });
    this.rowIds = this.rows.map(function (row) { return row.id; });
    this.levelNames = {};
    this.rowsById = {};
    data.levels.forEach(function (level) { this.levelNames[level.id] = level.name; }, this);
    this.rows.forEach(function (row) { this.rowsById[row.id] = row; }, this);
    this.prefix = 'skill-explorer-' + (rolePage ? 'role-' + data.role : data.skill) + '-' + index;
    this.build();
    this.state = this.readUrl();
    this.followLink('instant');
    var self = this;
    window.addEventListener('hashchange', function () { self.followLink('smooth'); });
  }

  /* The id of the role (skill page) or skill (role page) that a row or grid cell shows. */
  Explorer.prototype.rowOf = function (node) {
    return this.filterable ? roleOf(node) : classValue(node, this.rowClass);
  };

  /* The row, grid cell or table of this matrix that the URL's fragment names, or null. */
  Explorer.prototype.linkTarget = function () {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return null;
    }
    var node = id ? document.getElementById(id) : null;
    if (!node || !this.scope.contains(node)) return null;
    return node.matches('tr.skill-row, td.skill-cell, table.skill-table') ? node : null;
  };

  /* Show what the URL's fragment names and scroll to it (the browser may have tried while the
   * choice hid it). */
  Explorer.prototype.followLink = function (behavior) {
    var linked = this.linked = this.linkTarget();
    this.render();
    if (!linked) return;
    var scroll = function () { linked.scrollIntoView({ block: 'start', behavior: behavior }); };
    scroll();
    // The page may still grow above it (styles, fonts) until it has loaded: scroll again then.
    if (document.readyState !== 'complete') window.addEventListener('load', scroll, { once: true });
  };

  Explorer.prototype.build = function () {
    var labels = this.labels;
    var self = this;
    this.current = element('select', { id: this.prefix + '-current', name: PARAMS.current });
    this.current.appendChild(element('option', { value: '', text: labels.allLevels }));
    this.data.levels.forEach(function (level) {
      self.current.appendChild(element('option', { value: level.id, text: level.name }));
    });
    this.target = element('select', { id: this.prefix + '-target', name: PARAMS.target });
    var levels = element('div', { 'class': 'skill-explorer-levels' }, [
      element('div', { 'class': 'skill-explorer-field' }, [
        element('label', { 'for': this.current.id, text: labels.current }), this.current]),
      element('div', { 'class': 'skill-explorer-field' }, [
        element('label', { 'for': this.target.id, text: labels.target }), this.target]),
    ]);
    this.checkboxes = {};
    var fields = [levels];
    if (this.filterable) {
      var roles = element('fieldset', { 'class': 'skill-explorer-roles' }, [
        element('legend', { text: labels.roles })]);
      this.rows.forEach(function (role) {
        var box = element('input', { type: 'checkbox', value: role.id, id: self.prefix + '-role-' + role.id });
        self.checkboxes[role.id] = box;
        roles.appendChild(element('div', { 'class': 'skill-explorer-role' }, [
          box, element('label', { 'for': box.id, text: role.name })]));
      });
      fields.push(roles);
    }
    this.reset = element('button', { type: 'button', 'class': 'skill-explorer-reset', text: labels.reset });
    var form = element('form', { 'class': 'skill-explorer-form', 'aria-describedby': this.prefix + '-intro' }, [
      element('p', { id: this.prefix + '-intro', 'class': 'skill-explorer-intro', text: labels.intro })]
      .concat(fields, [this.reset]));
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    this.status = element('p', { 'class': 'skill-explorer-status', role: 'status', 'aria-live': 'polite' });
    this.compare = element('div', { 'class': 'skill-compare' });
    this.container.appendChild(form);
    this.container.appendChild(this.status);
    this.container.appendChild(this.compare);

    this.current.addEventListener('change', function () {
      self.state.current = self.current.value;
      self.state.target = self.nextLevel(self.state.current);
      self.update();
    });
    this.target.addEventListener('change', function () {
      self.state.target = self.target.value;
      self.update();
    });
    Object.keys(this.checkboxes).forEach(function (roleId) {
      self.checkboxes[roleId].addEventListener('change', function () {
        self.state.rows = self.rowIds.filter(function (id) { return self.checkboxes[id].checked; });
        self.update();
      });
    });
    this.reset.addEventListener('click', function () {
      self.state = { current: '', target: '', rows: self.rowIds.slice() };
      self.update();
    });
  };

  /* The levels ahead of *levelId* that the page shows, nearest first (along the tracks, if any). */
  Explorer.prototype.ahead = function (levelId) {
    var at = this.levelIds.indexOf(levelId);
    if (at < 0) return [];
    var next = this.data.next;
    if (!next) return this.levelIds.slice(at + 1);
    var order = [levelId];
    for (var i = 0; i < order.length; i++) {
      (next[order[i]] || []).forEach(function (id) { if (order.indexOf(id) < 0) order.push(id); });
    }
    var shown = this.levelIds;
    return order.slice(1).filter(function (id) { return shown.indexOf(id) >= 0; });
  };

  /* The target levels for *levelId*, in the page's order. */
  Explorer.prototype.targets = function (levelId) {
    var ahead = this.ahead(levelId);
    return this.levelIds.filter(function (id) { return ahead.indexOf(id) >= 0; });
  };

  Explorer.prototype.nextLevel = function (levelId) {
    return this.ahead(levelId)[0] || '';
  };

  Explorer.prototype.readUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var current = params.get(PARAMS.current) || '';
    if (this.levelIds.indexOf(current) < 0) current = '';
    var target = params.get(PARAMS.target) || '';
    if (!current || this.targets(current).indexOf(target) < 0) target = this.nextLevel(current);
    var rows = this.rowIds.slice();
    if (this.filterable && params.has(PARAMS.roles)) {
      var chosen = params.get(PARAMS.roles).split(',');
      rows = this.rowIds.filter(function (id) { return chosen.indexOf(id) >= 0; });
    }
    return { current: current, target: target, rows: rows };
  };

  Explorer.prototype.writeUrl = function () {
    var url = new URL(window.location.href);
    var state = this.state;
    url.searchParams.delete(PARAMS.current);
    url.searchParams.delete(PARAMS.target);
    url.searchParams.delete(PARAMS.roles);
    if (state.current) url.searchParams.set(PARAMS.current, state.current);
    if (state.current && state.target) url.searchParams.set(PARAMS.target, state.target);
    if (this.filterable && state.rows.length !== this.rowIds.length) {
      url.searchParams.set(PARAMS.roles, state.rows.join(','));
    }
    window.history.replaceState(window.history.state, '', url.toString());
  };

  Explorer.prototype.update = function () {
    this.linked = null;  // the reader's own choice now decides what is shown
    this.writeUrl();
    this.render();
  };

  Explorer.prototype.render = function () {
    var state = this.state;
    var self = this;
    this.current.value = state.current;
    var later = state.current ? this.targets(state.current) : [];
    this.target.textContent = '';
    if (later.length) {
      later.forEach(function (id) {
        self.target.appendChild(element('option', { value: id, text: self.levelNames[id] }));
      });
      this.target.value = state.target;
    } else {
      var text = state.current ? format(this.labels.noTarget, { level: this.levelNames[state.current] }) : '—';
      this.target.appendChild(element('option', { value: '', text: text }));
    }
    this.target.disabled = !later.length;
    Object.keys(this.checkboxes).forEach(function (id) { self.checkboxes[id].checked = state.rows.indexOf(id) >= 0; });
    this.filterTables();
    this.renderCompare();
    var shown = this.showLinked();
    if (shown) this.status.textContent += ' ' + shown;
  };

  /* Show the linked row (or table) if the choice hides it; say so, or return ''. */
  Explorer.prototype.showLinked = function () {
    var linked = this.linked;
    if (!linked) return '';
    var table = linked.closest('table.skill-table');
    var row = linked.matches('table') ? null : linked.closest('tr');
    if (!table.hidden && !(row && row.hidden)) return '';
    if (!row) {
      table.hidden = false;
      return this.labels.linkedTable;
    }
    if (table.hidden) {  // its table makes way for the comparison: show the table with this row only
      table.querySelectorAll('tbody tr').forEach(function (other) { other.hidden = other !== row; });
      table.hidden = false;
    }
    row.hidden = false;
    var cell = linked.matches('td') ? linked : row;
    return format(this.labels.linkedRow, {
      name: (this.rowsById[this.rowOf(cell)] || {}).name || '',
      level: this.levelNames[levelOf(cell)] || '',
    });
  };

  /* Rows and tables of roles left out are hidden (skill pages); the tables of expectations
   * are hidden while comparing. Other tables (a role's career path) stay. */
  Explorer.prototype.filterTables = function () {
    var chosen = this.state.rows;
    var comparing = Boolean(this.state.current);
    var scope = this.scope;
    if (this.filterable) {
      scope.querySelectorAll('tr.skill-row, tr.skill-grid-row, table.skill-table').forEach(function (node) {
        var role = roleOf(node);
        if (role !== null) node.hidden = chosen.indexOf(role) < 0;
      });
    }
    scope.querySelectorAll('table.skill-table').forEach(function (table) {
      var rows = table.querySelectorAll('tbody tr.skill-row, tbody tr.skill-grid-row');
      if (!rows.length) return;
      var shown = Array.prototype.some.call(rows, function (row) { return !row.hidden; });
      table.hidden = comparing || !shown;
    });
    scope.querySelectorAll('.skill-tables-intro, .skill-empty').forEach(function (node) {
      node.hidden = comparing;
    });
  };

  Explorer.prototype.cell = function (rowId, levelId, classes) {
    var item = (this.data.expectations[rowId] || {})[levelId];
    var cell = element('td', { 'class': classes.join(' '), 'data-label': this.levelNames[levelId] });
    if (!item) {
      cell.textContent = '—';
      return cell;
    }
    cell.classList.add(item.required ? 'skill-required' : 'skill-optional');
    var flag = element('p', { 'class': 'skill-flag' });
    if (item.required) flag.appendChild(element('strong', { text: this.labels.required }));
    else flag.textContent = this.labels.optional;
    cell.appendChild(flag);
    cell.appendChild(element('p', { 'class': 'skill-compare-description', text: item.description }));
    if (item.examples) cell.appendChild(examplesElement(item.examples));
    return cell;
  };

  /* A cell's examples, collapsed under its description as in the page's tables. */
  function examplesElement(examples) {
    return element('details', { 'class': 'skill-examples' }, [
      element('summary', { text: examples.summary }),
      element('ul', {}, examples.items.map(function (text) { return element('li', { text: text }); })),
    ]);
  }

  Explorer.prototype.renderCompare = function () {
    var state = this.state;
    var labels = this.labels;
    var self = this;
    this.compare.textContent = '';
    if (!state.current) {
      this.status.textContent = labels.statusAll;
      return;
    }
    var levels = state.target ? [state.current, state.target] : [state.current];
    var names = levels.map(function (id) { return self.levelNames[id]; });
    var caption = state.target
      ? format(labels.caption, { current: names[0], target: names[1] })
      : names[0];
    var head = element('tr', {}, [element('th', { scope: 'col', text: this.rowHeader })].concat(
      names.map(function (name) { return element('th', { scope: 'col', text: name }); })));
    var body = element('tbody');
    var rows = state.rows.map(function (rowId) {
      var items = levels.map(function (id) { return (self.data.expectations[rowId] || {})[id]; });
      var change = items.length === 2 && items[0] && items[1] && items[0].required !== items[1].required;
      return { id: rowId, items: items, change: change ? (items[1].required ? 'required' : 'optional') : '' };
    });
    if (this.changesFirst) {
      var order = { required: 0, optional: 1, '': 2 };
      rows = rows.map(function (row, at) { return [row, at]; }).sort(function (a, b) {
        return order[a[0].change] - order[b[0].change] || a[1] - b[1];
      }).map(function (pair) { return pair[0]; });
    }
    var changed = 0;
    rows.forEach(function (item) {
      var subject = self.rowsById[item.id];
      var header = element('th', { scope: 'row', 'data-label': self.rowHeader });
      header.appendChild(subject.href ? element('a', { href: subject.href, text: subject.name })
        : document.createTextNode(subject.name));
      var classes = ['skill-compare-row', self.rowClass + item.id];
      if (item.change) {
        changed += 1;
        classes.push('skill-compare-changed');
        header.appendChild(element('span', {
          'class': 'skill-compare-change',
          text: item.change === 'required' ? labels.becomesRequired : labels.becomesOptional,
        }));
      }
      var row = element('tr', { 'class': classes.join(' ') }, [header]);
      levels.forEach(function (levelId, at) {
        var cellClasses = ['skill-compare-cell', 'skill-level-' + levelId];
        if (item.change && at === 1) cellClasses.push('skill-compare-changed');
        row.appendChild(self.cell(item.id, levelId, cellClasses));
      });
      body.appendChild(row);
    });
    var table = element('table', { 'class': 'skill-compare-table docutils align-default' }, [
      element('caption', { text: caption }), element('thead', {}, [head]), body]);
    this.compare.appendChild(table);
    this.status.textContent = state.target
      ? format(this.statusTemplate, { current: names[0], target: names[1], count: changed, total: rows.length })
      : format(labels.statusSingle, { current: names[0] });
  };

  function start() {
    document.querySelectorAll('div.skill-explorer').forEach(function (container, index) {
      if (container.querySelector('script.skill-explorer-data')) new Explorer(container, index);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
