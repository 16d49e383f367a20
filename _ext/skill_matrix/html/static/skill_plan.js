/* The personal growth plan (skill_matrix extension): see plan/ and its README section.
 *
 * The page holds the roles, levels and labels (script.skill-plan-config). The chosen role's
 * data comes from plan-data/<role id>.js, loaded with a script element (works on file:// too),
 * which calls window.skillPlan.receive(data).
 *
 * The plan lives in the page's query:
 *   role=<role id>  current=<level id>  target=<level id>
 *   o=<skill key><level digit>.…             per-skill current levels
 *   b=<sides><levels>.<skill key><bitmap>.…  ticked items, a part per skill with ticks
 * A skill key is what the data names it (data/linkkeys.py: the shortest prefix, at least 4
 * characters, of base-36 digits of a hash of the skill id that no other skill of the build
 * shares, so keys never collide); a link written by an earlier build reads too, since a skill is
 * found by any prefix of its reference (ref) of at least 4 characters, and skills sharing the
 * prefix are told apart by the ticked texts' hashes. A level digit is the level's index in base 36.
 *
 * b starts with the number of assessments in the link (1 or 2) and of levels (base 36); a part
 * is the skill's key and, in base-64url digits (A–Z a–z 0–9 - _, six bits each, the first bit
 * highest), one bit per level and assessment (level by level in the levels' order, the first
 * assessment's bit first: 1 = ticked), then a check filling the last digit, at least 8 bits: the
 * top bits of FNV-1a (32 bits) over "<level digit><text hash>" of each ticked level, in order,
 * where a text hash is the cell's (2 base-36 digits of a hash of its English text and flag). A
 * part whose check differs from the texts of this build marks each of its ticks as changed since
 * (one of them changed; which one, the link does not say). A part is as long for any ticks: with
 * the site's five levels, key and 3 digits for one or two assessments, so that 200 skills take
 * about 1,600 characters whatever the two tick (tests/browser/test_plan_browser.py).
 *
 * Links of earlier builds wrote ticks as t (and w), still read:
 *   t=<skill key>(<level digit><hash>)+.…    ticked items, grouped by skill: a level digit and
 *                                            the text hash (2 base-36 digits) per item
 *   w=…  who ticked each item of t: t then holds the items ticked by either; each part of t has
 *        floor((length - 4) / 3) codes, 0 = the first, 1 = the second, 2 = both, packed three to
 *        a base-36 digit (first code × 9 + second × 3 + third), trailing zeros left out; without
 *        w every tick is the first's.
 * Anything unreadable is ignored and named.
 *
 * A second assessment (a manager's, say) adds:
 *   c2=<level id>   its current level (the second assessment is there when c2 is)
 *   o2=…            its per-skill levels, as o
 *   n1=, n2=        the names of the two, when the user gave names of their own
 *   f=d, f=b, f=db  the filters: only where the two differ, only what blocks the target
 * A link opened with with=<another plan's link> takes that plan as the second assessment.
 * The target is the first assessment's; a second link aiming elsewhere is compared towards it.
 *
 * Levels with tracks (config.next: each level id's next level ids; absent: one path in the levels'
 * order): the plan follows levelPath(current, target), one path along the tracks; a target on
 * another track is reached from the nearest earlier level both share, and the path is shown.
 *
 * Item texts are rendered by cellNode() and written to downloads by cellText(): the two places
 * to change when cells carry rich text.
 */
(function () {
  'use strict';

  var KEY = 4;    // a key's least length, and the length of every key in links of earlier builds
  var CHUNK = 3;  // a ticked item: level digit and text hash
  var NAME = 60;  // the longest name of an assessment kept
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

  // sides[0] is the plan's own assessment, sides[1] (when there) the second one.
  function newSide(current) { return { name: '', current: current, overrides: {}, ticks: {} }; }
  var state = { role: '', target: 1, sides: [newSide(0)], filters: { differ: false, blocking: false }, ignored: [] };
  var data = null;     // the chosen role's data, once it arrived
  var pending = null;  // what of the link needs the role's data: {first: {o, t, w, o2}, second: {o, t, w}}
  var loaded = {};     // role id -> data
  var byPrefix = {};   // the first 4 characters of a skill's reference -> the role's skills

  function has(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return has(values, name) ? String(values[name]) : all;
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
  function second() { return state.sides.length > 1; }
  function sideName(side) {
    return state.sides[side].name || (side ? L.secondDefault : L.firstDefault);
  }

  // The one place an item's text becomes page content, and the one place it becomes plain text
  // (Markdown, CSV): where cells carry rich text, these two change.
  function cellNode(tag, text, attributes) {
    var node = el(tag, attributes);
    node.textContent = text;
    return node;
  }
  function cellText(text) { return String(text); }

  // --- paths along the tracks ------------------------------------------------------------------

  // The levels reached from *from* by steps along *edges* (nextOf or previousOf), nearest first,
  // each with the level it was reached from: {order: [indexes], parent: {index: index}}.
  function walk(from, edges) {
    var order = [from];
    var parent = {};
    parent[from] = -1;
    for (var at = 0; at < order.length; at += 1) {
      edges[order[at]].forEach(function (next) {
        if (!has(parent, next)) { parent[next] = order[at]; order.push(next); }
      });
    }
    return { order: order, parent: parent };
  }

  // The path from level *from* to level *to* (indexes): {steps: [[before, now], …], via: [indexes]}.
  // Up along the tracks when *to* lies ahead (via is empty); else from the nearest earlier level
  // from which *to* lies ahead (the fork of another track), whose levels up to *to* are the steps
  // and, but for *to*, the via. No steps when *to* is *from* or lies behind it.
  function levelPath(from, to) {
    var behind = walk(from, previousOf);  // from itself first, then earlier levels, nearest first
    if (has(behind.parent, to)) { return { steps: [], via: [] }; }  // to is from, or behind it
    var starts = behind.order;
    for (var at = 0; at < starts.length; at += 1) {
      var ahead = walk(starts[at], nextOf);
      if (starts[at] === to || !has(ahead.parent, to)) { continue; }
      var chain = [to];
      while (chain[0] !== starts[at]) { chain.unshift(ahead.parent[chain[0]]); }
      var steps = [];
      for (var step = 1; step < chain.length; step += 1) { steps.push([chain[step - 1], chain[step]]); }
      return { steps: steps, via: at ? chain.slice(0, -1) : [] };
    }
    return { steps: [], via: [] };
  }

  // Each level's height for the chart: its steps from the first level along the tracks.
  var height = levels.map(function (level, index) { return levelPath(0, index).steps.length; });

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

  function readLevel(params, name, ignored) {
    var value = params.get(name);
    if (value === null || value === '') { return null; }
    if (!has(levelIndex, value)) {
      ignored.push(fill(L.ignoredLevel, { value: value.slice(0, 40) }));
      return null;
    }
    return levelIndex[value];
  }

  function readQuery() {
    var params;
    try { params = new URLSearchParams(window.location.search); } catch (error) { params = new URLSearchParams(''); }
    var ignored = [];
    var role = params.get('role') || '';
    if (role && !has(roleNames, role)) {
      ignored.push(fill(L.ignoredRole, { value: role.slice(0, 40) }));
      role = '';
    }
    var current = readLevel(params, 'current', ignored);
    var target = readLevel(params, 'target', ignored);
    current = current === null ? 0 : current;
    state.role = role;
    state.target = target === null ? defaultTarget(current) : target;
    state.sides = [newSide(current)];
    state.sides[0].name = (params.get('n1') || '').trim().slice(0, NAME);
    var secondCurrent = readLevel(params, 'c2', ignored);
    if (secondCurrent !== null) {
      state.sides.push(newSide(secondCurrent));
      state.sides[1].name = (params.get('n2') || '').trim().slice(0, NAME);
    }
    var filters = params.get('f') || '';
    state.filters = { differ: filters.indexOf('d') >= 0, blocking: filters.indexOf('b') >= 0 };
    state.ignored = ignored;
    pending = { first: { o: params.get('o') || '', t: params.get('t') || '', w: params.get('w') || '', b: params.get('b') || '', o2: params.get('o2') || '' } };
    var other = params.get('with');
    if (other) {
      var added = addSecond(other, params.get('n2') || '');
      if (added.message) { ignored.push(added.message); }
    }
  }

  // A plan's link (or only its query) as an assessment: {role, current, target, o, t, w}, or null.
  function parseLink(text) {
    var query = String(text).trim();
    if (query.indexOf('?') >= 0) { query = query.slice(query.indexOf('?') + 1); }
    query = query.split('#')[0];
    var params;
    try { params = new URLSearchParams(query); } catch (error) { return null; }
    var role = params.get('role') || '';
    var current = params.get('current') || '';
    if (!has(roleNames, role) || !has(levelIndex, current)) { return null; }
    return {
      role: role, current: levelIndex[current], target: params.get('target') || '',
      o: params.get('o') || '', t: params.get('t') || '', w: params.get('w') || '', b: params.get('b') || ''
    };
  }

  // Take another plan's link as the second assessment: {added, message} (what was wrong, or to know).
  function addSecond(text, name) {
    var other = parseLink(text);
    if (!other) { return { added: false, message: L.secondUnreadable }; }
    if (state.role && other.role !== state.role) {
      return { added: false, message: fill(L.secondOtherRole, { other: roleNames[other.role], name: roleNames[state.role] }) };
    }
    state.role = other.role;
    state.sides = [state.sides[0], newSide(other.current)];
    state.sides[1].name = String(name || '').trim().slice(0, NAME);
    pending = pending || {};
    pending.second = { o: other.o, t: other.t, w: other.w, b: other.b };
    var message = '';
    if (other.target && has(levelIndex, other.target) && levelIndex[other.target] !== state.target) {
      message = fill(L.secondOtherTarget, { level: levels[levelIndex[other.target]].name, target: levels[state.target].name });
    }
    return { added: true, message: message };
  }

  // The readings of one part of the link: every skill whose reference starts with a prefix of
  // *part* (at least 4 characters) that leaves a rest *valid* accepts.
  function readings(part, valid) {
    var found = [];
    (byPrefix[part.slice(0, KEY)] || []).forEach(function (skill) {
      for (var length = KEY; length < part.length && length <= skill.ref.length; length += 1) {
        if (length > KEY && part.charAt(length - 1) !== skill.ref.charAt(length - 1)) { break; }
        var rest = part.slice(length);
        if (valid(rest)) { found.push({ skill: skill, rest: rest, exact: length === skill.key.length }); }
      }
    });
    return found;
  }

  function validTicks(rest) {
    if (!rest.length || rest.length % CHUNK || !/^[0-9a-z]+$/.test(rest)) { return false; }
    for (var at = 0; at < rest.length; at += CHUNK) {
      if (parseInt(rest.charAt(at), 36) >= levels.length) { return false; }
    }
    return true;
  }
  function validLevel(rest) { return rest.length === 1 && parseInt(rest, 36) < levels.length; }

  // Codes of w: who ticked each item of t (0 the first, 1 the second, 2 both).
  function unpackCodes(text, bad) {
    var codes = [];
    for (var at = 0; at < text.length; at += 1) {
      var value = parseInt(text.charAt(at), 36);
      if (!(value >= 0 && value < 27)) { bad.codes = true; value = 0; }
      codes.push(Math.floor(value / 9), Math.floor(value / 3) % 3, value % 3);
    }
    return codes;
  }
  function codesOf(part) { return Math.max(0, Math.floor((part.length - KEY) / CHUNK)); }

  // The ticks of t (with w) for each side: [{skill id: {level: hash}}, {…}]; counts what it cannot read.
  function readTicks(ticks, who, bad) {
    var result = [{}, {}];
    var codes = unpackCodes(who, bad);
    var position = 0;
    ticks.split('.').forEach(function (part) {
      if (!part) { return; }
      var count = codesOf(part);
      var partCodes = codes.slice(position, position + count);
      position += count;
      var best = null;
      var bestScore = -1;
      readings(part, validTicks).forEach(function (reading) {
        var score = reading.exact ? 1 : 0;
        for (var at = 0; at < reading.rest.length; at += CHUNK) {
          var cell = reading.skill.cells[parseInt(reading.rest.charAt(at), 36)];
          if (cell && cell[2] === reading.rest.slice(at + 1, at + CHUNK)) { score += 2; }
        }
        if (score > bestScore) { best = reading; bestScore = score; }
      });
      if (!best) { bad.ticks += Math.max(1, count); return; }
      for (var at = 0; at < best.rest.length; at += CHUNK) {
        var level = parseInt(best.rest.charAt(at), 36);
        var hash = best.rest.slice(at + 1, at + CHUNK);
        var code = partCodes[at / CHUNK] || 0;
        [0, 1].forEach(function (side) {
          if (code === 2 || code === side) { (result[side][best.skill.id] = result[side][best.skill.id] || {})[level] = hash; }
        });
      }
    });
    return result;
  }

  // The per-skill levels of o: {skill id: level}. Skills that share the link's prefix (a link of an
  // earlier build) are told apart by the ticks read from the same link (*ticked*).
  function readOverrides(text, ticked, bad) {
    var result = {};
    text.split('.').forEach(function (part) {
      if (!part) { return; }
      var found = readings(part, validLevel);
      var exact = found.filter(function (reading) { return reading.exact; });
      var withTicks = found.filter(function (reading) { return has(ticked, reading.skill.id); });
      var chosen = found.length === 1 ? found : exact.length === 1 ? exact : withTicks.length === 1 ? withTicks : [];
      if (!chosen.length) { bad.overrides += 1; return; }
      result[chosen[0].skill.id] = parseInt(chosen[0].rest, 36);
    });
    return result;
  }

  // Read what of the link needed the role's data; name what cannot be read.
  function applyPending() {
    if (!pending) { return; }
    byPrefix = {};
    data.skills.forEach(function (skill) { (byPrefix[skill.ref.slice(0, KEY)] = byPrefix[skill.ref.slice(0, KEY)] || []).push(skill); });
    var bad = { ticks: 0, overrides: 0, codes: false };
    if (pending.first) {
      var ticks = merged(readTicks(pending.first.t, pending.first.w, bad), readBitmaps(pending.first.b, bad));
      state.sides[0].ticks = ticks[0];
      state.sides[0].overrides = readOverrides(pending.first.o, ticks[0], bad);
      if (second()) {
        state.sides[1].ticks = ticks[1];
        state.sides[1].overrides = readOverrides(pending.first.o2, ticks[1], bad);
      }
    }
    if (pending.second && second()) {  // another plan's link: its own (first) assessment
      var theirs = merged(readTicks(pending.second.t, pending.second.w, bad), readBitmaps(pending.second.b, bad));
      state.sides[1].ticks = theirs[0];
      state.sides[1].overrides = readOverrides(pending.second.o, theirs[0], bad);
    }
    if (bad.overrides) { state.ignored.push(plural(L.ignoredOverrides, bad.overrides, { count: bad.overrides })); }
    if (bad.ticks || bad.codes) {
      var count = Math.max(1, bad.ticks);
      state.ignored.push(plural(L.ignoredTicks, count, { count: count }));
    }
    pending = null;
  }

  function overridesText(side) {
    var parts = [];
    data.skills.forEach(function (skill) {
      if (has(side.overrides, skill.id)) { parts.push(skill.key + digit(side.overrides[skill.id])); }
    });
    return parts.join('.');
  }

  // --- b: the ticks of both sides, a bitmap per skill --------------------------------------------

  var BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var CHECK = 8;  // a part's check has at least this many bits

  // The characters of a part after the key, for *sides* assessments and *count* levels; its check bits.
  function bitmapSize(sides, count) { return Math.ceil((sides * count + CHECK) / 6); }
  function checkBits(sides, count) { return bitmapSize(sides, count) * 6 - sides * count; }

  // A check of *bits* bits of the ticked levels' text hashes (FNV-1a over "<level digit><hash>…").
  function textCheck(hashes, bits) {
    var text = Object.keys(hashes).map(Number).sort(function (a, b) { return a - b; })
      .map(function (level) { return digit(level) + hashes[level]; }).join('');
    var value = 0x811c9dc5;
    for (var at = 0; at < text.length; at += 1) {
      value = Math.imul(value ^ text.charCodeAt(at), 0x01000193) >>> 0;
    }
    return value >>> (32 - bits);
  }

  function packBits(bits) {
    var text = '';
    for (var at = 0; at < bits.length; at += 6) {
      var value = 0;
      for (var bit = at; bit < at + 6; bit += 1) { value = value * 2 + (bits[bit] || 0); }
      text += BASE64.charAt(value);
    }
    return text;
  }
  function unpackBits(text) {
    var bits = [];
    for (var at = 0; at < text.length; at += 1) {
      var value = BASE64.indexOf(text.charAt(at));
      for (var bit = 5; bit >= 0; bit -= 1) { bits.push((value >> bit) & 1); }
    }
    return bits;
  }
  function numberBits(value, count) {
    var bits = [];
    for (var bit = count - 1; bit >= 0; bit -= 1) { bits.push(Math.floor(value / Math.pow(2, bit)) % 2); }
    return bits;
  }
  function bitsNumber(bits) { return bits.reduce(function (value, bit) { return value * 2 + bit; }, 0); }

  // b: "<sides><level count>" in base 36, then a part per skill with ticks: its key and a bitmap
  // of one bit per level and side (level by level, in the levels' order), then the check.
  function bitmapsText() {
    var sides = state.sides.length;
    var bits = checkBits(sides, levels.length);
    var parts = [];
    data.skills.forEach(function (skill) {
      if (!state.sides.some(function (side) { return has(side.ticks, skill.id); })) { return; }
      var map = [];
      var hashes = {};
      levels.forEach(function (level, index) {
        state.sides.forEach(function (side) {
          var ticked = side.ticks[skill.id];
          var on = Boolean(ticked && has(ticked, index));
          map.push(on ? 1 : 0);
          if (on && !has(hashes, index)) { hashes[index] = ticked[index]; }
        });
      });
      if (!Object.keys(hashes).length) { return; }
      parts.push(skill.key + packBits(map.concat(numberBits(textCheck(hashes, bits), bits))));
    });
    return parts.length ? [digit(sides) + digit(levels.length)].concat(parts).join('.') : '';
  }

  // The ticks of b for each side, as readTicks; a part whose check fails marks its ticks as changed
  // (an empty hash), since one of the ticked texts changed since.
  function readBitmaps(text, bad) {
    var result = [{}, {}];
    if (!text) { return result; }
    var parts = text.split('.');
    var header = parts.shift();
    var sides = parseInt(header.charAt(0), 36);
    var count = parseInt(header.slice(1), 36);
    parts = parts.filter(Boolean);
    if (!(sides === 1 || sides === 2) || count !== levels.length || !/^[0-9a-z]+$/.test(header)) {
      bad.ticks += Math.max(1, parts.length);
      return result;
    }
    var size = bitmapSize(sides, count);
    var bits = checkBits(sides, count);
    var valid = function (rest) { return rest.length === size && /^[A-Za-z0-9_-]+$/.test(rest); };
    parts.forEach(function (part) {
      var best = null;
      var bestScore = -1;
      readings(part, valid).forEach(function (reading) {
        var map = unpackBits(reading.rest);
        var ticked = {};
        var found = {};
        for (var level = 0; level < count; level += 1) {
          for (var side = 0; side < sides; side += 1) {
            if (map[level * sides + side]) { (ticked[level] = ticked[level] || []).push(side); }
          }
        }
        var cells = reading.skill.cells;
        var levelsTicked = Object.keys(ticked);
        if (!levelsTicked.length || levelsTicked.some(function (level) { return !cells[level]; })) { return; }
        levelsTicked.forEach(function (level) { found[level] = cells[level][2]; });
        var same = textCheck(found, bits) === bitsNumber(map.slice(sides * count, sides * count + bits));
        var score = (reading.exact ? 1 : 0) + (same ? 2 : 0);
        if (score > bestScore) { best = { skill: reading.skill, ticked: ticked, found: found, same: same }; bestScore = score; }
      });
      if (!best) { bad.ticks += 1; return; }
      Object.keys(best.ticked).forEach(function (level) {
        best.ticked[level].forEach(function (side) {
          (result[side][best.skill.id] = result[side][best.skill.id] || {})[level] = best.same ? best.found[level] : '';
        });
      });
    });
    return result;
  }

  // The ticks of two readings (t of an earlier build and b) together.
  function merged(first, second) {
    return [0, 1].map(function (side) {
      var result = first[side];
      Object.keys(second[side]).forEach(function (id) {
        result[id] = result[id] || {};
        Object.keys(second[side][id]).forEach(function (level) { result[id][level] = second[side][id][level]; });
      });
      return result;
    });
  }

  function writeQuery() {
    var params = new URLSearchParams();
    if (state.role) { params.set('role', state.role); }
    params.set('current', levels[state.sides[0].current].id);
    params.set('target', levels[state.target].id);
    if (second()) { params.set('c2', levels[state.sides[1].current].id); }
    state.sides.forEach(function (side, index) { if (side.name) { params.set('n' + (index + 1), side.name); } });
    if (data) {
      var overrides = overridesText(state.sides[0]);
      if (overrides) { params.set('o', overrides); }
      if (second() && (overrides = overridesText(state.sides[1]))) { params.set('o2', overrides); }
      var ticks = bitmapsText();
      if (ticks) { params.set('b', ticks); }
    } else if (pending && pending.first) {  // the role's data has not arrived (or never will): keep the link's
      ['o', 't', 'w', 'b', 'o2'].forEach(function (name) { if (pending.first[name]) { params.set(name, pending.first[name]); } });
    }
    var filters = (state.filters.differ ? 'd' : '') + (state.filters.blocking ? 'b' : '');
    if (second() && filters) { params.set('f', filters); }
    var url = window.location.pathname + '?' + params.toString() + window.location.hash;
    try { window.history.replaceState(null, '', url); } catch (error) { /* some file:// hosts refuse it */ }
  }

  // --- the plan ------------------------------------------------------------------------------

  function skillCurrent(skill, side) {
    var assessment = state.sides[side];
    return has(assessment.overrides, skill.id) ? assessment.overrides[skill.id] : assessment.current;
  }

  // What to cover in *skill* for one side: each level on the path from its current one to the
  // target whose text or flag differs from the level before it on the path; newly required first.
  function sideItems(skill, side) {
    var items = [];
    levelPath(skillCurrent(skill, side), state.target).steps.forEach(function (step, order) {
      var before = skill.cells[step[0]];
      var now = skill.cells[step[1]];
      if (before[0] === now[0] && before[1] === now[1]) { return; }
      items.push({
        skill: skill, level: step[1], from: step[0], order: order, before: before, now: now,
        becomesRequired: !before[0] && now[0], on: [false, false]
      });
    });
    items.sort(function (a, b) { return (b.becomesRequired - a.becomesRequired) || (a.order - b.order); });
    return items;
  }

  // The items of *skill* on either side's path, each once; item.on[side] says whose path has it.
  var itemCache = {};
  function itemsOf(skill) {
    if (has(itemCache, skill.id)) { return itemCache[skill.id]; }
    var byLevel = {};
    var items = [];
    state.sides.forEach(function (side, index) {
      sideItems(skill, index).forEach(function (item) {
        if (!has(byLevel, item.level)) { byLevel[item.level] = item; items.push(item); }
        byLevel[item.level].on[index] = true;
      });
    });
    itemCache[skill.id] = items;
    return items;
  }

  function isTicked(item, side) {
    var ticked = state.sides[side].ticks[item.skill.id];
    return Boolean(ticked && has(ticked, item.level));
  }
  function isChanged(item, side) {
    return isTicked(item, side) && state.sides[side].ticks[item.skill.id][item.level] !== item.now[2];
  }
  // Covered for one side: ticked, or behind its level (not on its path).
  function isCovered(item, side) { return !item.on[side] || isTicked(item, side); }
  function itemDiffers(item) { return second() && isCovered(item, 0) !== isCovered(item, 1); }
  function skillDiffers(skill) {
    return second() && (skillCurrent(skill, 0) !== skillCurrent(skill, 1) || itemsOf(skill).some(itemDiffers));
  }
  // Required where it is expected, and not ticked by a side whose path has it.
  function blocks(item) {
    return Boolean(item.now[0]) && state.sides.some(function (side, index) { return !isCovered(item, index); });
  }
  function shownItems(skill) {
    var items = itemsOf(skill);
    if (!second()) { return items; }
    if (state.filters.differ && !skillDiffers(skill)) { return []; }
    return state.filters.blocking ? items.filter(blocks) : items;
  }
  function filtering() { return second() && (state.filters.differ || state.filters.blocking); }
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
  var compare = el('fieldset', { class: 'skill-plan-compare' });
  var firstName = el('input', { type: 'text', id: 'skill-plan-name-1', autocomplete: 'off', maxlength: String(NAME) });
  var secondName = el('input', { type: 'text', id: 'skill-plan-name-2', autocomplete: 'off', maxlength: String(NAME) });
  var secondLink = el('input', { type: 'text', id: 'skill-plan-second-link', autocomplete: 'off', spellcheck: 'false' });
  var secondLevel = el('select', { id: 'skill-plan-second-current', autocomplete: 'off' });
  var compareButton = el('button', { type: 'button', class: 'skill-plan-action', text: L.compare });
  var removeButton = el('button', { type: 'button', class: 'skill-plan-action', text: L.removeSecond });
  var compareStatus = el('p', { class: 'skill-plan-compare-status', role: 'status' });
  var filterBox = el('div', { class: 'skill-plan-filters' });
  var differFilter = el('input', { type: 'checkbox', id: 'skill-plan-only-differ', autocomplete: 'off' });
  var blockingFilter = el('input', { type: 'checkbox', id: 'skill-plan-only-blocking', autocomplete: 'off' });
  var notice = el('p', { class: 'skill-plan-notice', role: 'status' });
  var summary = el('p', { class: 'skill-plan-summary' });
  var progress = el('p', { class: 'skill-plan-progress', 'aria-live': 'polite' });
  var chartBox = el('div', { class: 'skill-plan-chart' });
  var body = el('div', { class: 'skill-plan-body' });

  function control(field, text, extraClass) {
    return el('div', { class: 'skill-plan-control' + (extraClass ? ' ' + extraClass : '') }, [
      el('label', { for: field.id, text: text }), field
    ]);
  }

  function buildControls() {
    roleSelect.appendChild(el('option', { value: '', text: L.chooseRole }));
    config.roles.forEach(function (role) { roleSelect.appendChild(el('option', { value: role.id, text: role.name })); });
    levels.forEach(function (level) {
      [currentSelect, targetSelect, secondLevel].forEach(function (select) {
        select.appendChild(el('option', { value: level.id, text: level.name }));
      });
    });
    [[roleSelect, L.role], [currentSelect, L.current], [targetSelect, L.target]].forEach(function (pair) {
      controls.appendChild(control(pair[0], pair[1]));
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
      state.sides.forEach(function (side) { side.overrides = {}; side.ticks = {}; });
      pending = null;  // the link's ticks belong to the role it named
      load();
    });
    currentSelect.addEventListener('change', function () {
      state.sides[0].current = levelIndex[currentSelect.value];
      var path = levelPath(state.sides[0].current, state.target);  // a target behind or on another track: the next level
      if (!path.steps.length || path.via.length) { state.target = defaultTarget(state.sides[0].current); }
      render();
    });
    targetSelect.addEventListener('change', function () {
      state.target = levelIndex[targetSelect.value];
      render();
    });
    buildCompare();
    plan.appendChild(controls);
    plan.appendChild(compare);
    plan.appendChild(actions);
    plan.appendChild(notice);
    plan.appendChild(summary);
    plan.appendChild(progress);
    plan.appendChild(chartBox);
    plan.appendChild(body);
  }

  function buildCompare() {
    compare.appendChild(el('legend', { text: L.compareTitle }));
    var fields = el('div', { class: 'skill-plan-compare-fields' }, [
      control(firstName, L.firstName), control(secondLink, L.secondLink, 'skill-plan-link-field'),
      control(secondName, L.secondName), control(secondLevel, L.secondCurrent, 'skill-plan-second-level')
    ]);
    compare.appendChild(fields);
    compare.appendChild(el('div', { class: 'skill-plan-compare-buttons' }, [compareButton, removeButton]));
    compare.appendChild(compareStatus);
    filterBox.appendChild(el('div', { class: 'skill-plan-filter' }, [differFilter, el('label', { for: differFilter.id, text: L.onlyDiffer })]));
    filterBox.appendChild(el('div', { class: 'skill-plan-filter' }, [blockingFilter, el('label', { for: blockingFilter.id, text: L.onlyBlocking })]));
    compare.appendChild(filterBox);
    compareButton.addEventListener('click', function () {
      var text = secondLink.value.trim();
      var added = text ? addSecond(text, secondName.value) : { added: false, message: L.secondUnreadable };
      compareStatus.textContent = added.message;
      if (!added.added) { secondLink.focus(); return; }
      secondLink.value = '';
      itemCache = {};
      if (data && data.role === state.role) { applyPending(); render(); } else { load(); }
    });
    removeButton.addEventListener('click', function () {
      state.sides = [state.sides[0]];
      compareStatus.textContent = '';
      render();
      compareButton.focus();
    });
    [[firstName, 0], [secondName, 1]].forEach(function (pair) {
      pair[0].addEventListener('change', function () {
        if (pair[1] < state.sides.length) { state.sides[pair[1]].name = pair[0].value.trim().slice(0, NAME); render(); }
      });
    });
    secondLevel.addEventListener('change', function () {
      if (second()) { state.sides[1].current = levelIndex[secondLevel.value]; render(); }
    });
    [[differFilter, 'differ'], [blockingFilter, 'blocking']].forEach(function (pair) {
      pair[0].addEventListener('change', function () { state.filters[pair[1]] = pair[0].checked; render(); });
    });
  }

  function showCompare() {
    firstName.value = state.sides[0].name;
    firstName.placeholder = L.firstDefault;
    secondName.placeholder = L.secondDefault;
    if (second()) { secondName.value = state.sides[1].name; secondLevel.value = levels[state.sides[1].current].id; }
    removeButton.hidden = !second();
    filterBox.hidden = !second();
    secondLevel.parentNode.hidden = !second();
    differFilter.checked = state.filters.differ;
    blockingFilter.checked = state.filters.blocking;
    compare.hidden = !state.role;
  }

  function showNotice() {
    notice.textContent = state.ignored.length ? fill(L.ignored, { parts: state.ignored.join('; ') }) : '';
    notice.hidden = !state.ignored.length;
  }

  function load() {
    writeQuery();
    body.textContent = '';
    chartBox.textContent = '';
    progress.textContent = '';
    summary.textContent = '';
    data = null;
    rendering = null;
    plan.removeAttribute('data-rendered');
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

  var timings = {};
  window.skillPlan = {
    timings: timings,
    receive: function (received) {
      try {
        if (!received || !has(roleNames, received.role)) { return; }
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
    var text = withVia(fill(L.summary, {
      name: roleNames[state.role], current: levels[state.sides[0].current].name, target: levels[state.target].name
    }), levelPath(state.sides[0].current, state.target));
    if (second()) {
      text += ' · ' + fill(L.compared, {
        first: sideName(0), firstLevel: levels[state.sides[0].current].name,
        second: sideName(1), secondLevel: levels[state.sides[1].current].name
      });
    }
    return text;
  }

  // With tracks, each target names the path to it from the current level when it is on another track.
  function labelTargets() {
    if (!config.next) { return; }
    Array.prototype.forEach.call(targetSelect.options, function (option, index) {
      option.textContent = withVia(levels[index].name, levelPath(state.sides[0].current, index));
    });
  }

  function dateText() {
    var options = L.numericDate ? { year: 'numeric', month: 'numeric', day: 'numeric' }
      : { year: 'numeric', month: 'short', day: 'numeric' };
    try { return new Intl.DateTimeFormat(config.language.replace('_', '-'), options).format(new Date()); } catch (error) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  var counters = [];  // what refreshes the progress texts and difference marks after a tick

  function render() {
    rendering = null;
    plan.removeAttribute('data-rendered');
    counters = [];
    itemCache = {};
    selectTemplates = [];
    roleSelect.value = state.role;
    currentSelect.value = levels[state.sides[0].current].id;
    targetSelect.value = levels[state.target].id;
    labelTargets();
    showCompare();
    showNotice();
    body.textContent = '';
    chartBox.textContent = '';
    plan.classList.toggle('skill-plan-two', second());
    if (!data) { return; }
    actions.hidden = false;
    summary.textContent = summaryText() + ' · ' + fill(L.date, { date: dateText() });
    if (!data.skills.length) { body.appendChild(el('p', { text: L.noSkills })); }
    var shown = data.skills.filter(function (skill) { return !filtering() || shownItems(skill).length; });
    if (filtering() && !shown.length && data.skills.length) { body.appendChild(el('p', { class: 'skill-plan-none-shown', text: L.noneShown })); }
    refresh();
    drawChart();
    writeQuery();
    renderSkills(shown);
  }

  // The skills are rendered in slices: the first screen at once, the rest in tasks of a few
  // milliseconds each, so the page is painted early and stays responsive. Whatever reads the whole
  // list finishes it first (print, a link to an item further down); the progress texts, the chart,
  // the link and the downloads read the data, never the page. When every skill is in the page,
  // the plan's element gets data-rendered="all" and the mark skill-plan-complete is set.
  var FIRST_SCREEN = 40;  // items rendered before the first paint (a screen holds far fewer)
  var SLICE_MS = 50;      // the longest a later slice runs before the browser may paint or take a click
  var rendering = null;   // {skills, next, domain, group, lastDomain, lastGroup} while skills wait

  function renderSkills(skills) {
    rendering = { skills: skills, next: 0, domain: null, group: null, lastDomain: null, lastGroup: null };
    plan.setAttribute('data-rendered', 'partial');
    var items = 0;
    renderSlice(function (skill) { items += itemsOf(skill).length; return items >= FIRST_SCREEN; });
    showTarget();
    var job = rendering;
    if (job) { afterPaint(function () { continueRendering(job); }); }
  }

  // Render skills until *enough* (called with each skill and its article) says so or none is left.
  // A slice's articles are made and filled while out of the page and put in together, a group at a
  // time: the browser then takes note of new content once per group, not once per change.
  function renderSlice(enough) {
    var job = rendering;
    var waiting = null;
    var place = function () { if (waiting) { job.group.appendChild(waiting); waiting = null; } };
    while (job.next < job.skills.length) {
      var skill = job.skills[job.next];
      if (skill.domain !== job.lastDomain) {
        place();
        job.domain = el('section', { class: 'skill-plan-domain', 'data-domain': skill.domainId }, [el('h2', { text: skill.domain })]);
        body.appendChild(job.domain);
        job.lastDomain = skill.domain;
        job.lastGroup = null;
      }
      if (skill.group !== job.lastGroup) {
        place();
        job.group = el('section', { class: 'skill-plan-group' }, [el('h3', { text: skill.group })]);
        job.domain.appendChild(job.group);
        job.lastGroup = skill.group;
      }
      var article = renderSkill(skill);
      refreshSkill(counters[counters.length - 1]);
      waiting = waiting || document.createDocumentFragment();
      waiting.appendChild(article);
      job.next += 1;
      if (enough(skill, article)) { break; }
    }
    place();
    if (job.next >= job.skills.length) {
      rendering = null;
      plan.setAttribute('data-rendered', 'all');
      mark('skill-plan-complete');
    }
  }

  function continueRendering(job) {
    if (rendering !== job) { return; }  // rendered again meanwhile, or finished
    var start = performance.now();
    renderSlice(function () { return performance.now() - start > SLICE_MS; });
    if (rendering === job) { later(function () { continueRendering(job); }); }
  }

  // Render every skill still waiting, now (before printing, or to reach a linked item).
  function finishRendering() {
    if (rendering) { renderSlice(function () { return false; }); }
  }

  // After the next frame (or soon, where frames do not come: a tab in the background).
  function afterPaint(callback) {
    var done = false;
    var once = function () { if (!done) { done = true; later(callback); } };
    if (window.requestAnimationFrame) { requestAnimationFrame(once); }
    setTimeout(once, 100);
  }
  var channel = window.MessageChannel ? new MessageChannel() : null;
  var queued = [];
  if (channel) { channel.port1.onmessage = function () { var callback = queued.shift(); if (callback) { callback(); } }; }
  function later(callback) {
    if (!channel) { setTimeout(callback, 0); return; }
    queued.push(callback);
    channel.port2.postMessage(0);
  }

  // A link to a skill or an item of the plan (#plan-…): render up to it and show it.
  function showTarget() {
    var id = '';
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (error) { return; }
    if (id.indexOf('plan-') !== 0) { return; }
    var target = document.getElementById(id);
    if (!target && rendering) {
      renderSlice(function (skill, article) { return article.id === id || Boolean(article.querySelector('[id="' + id.replace(/["\\]/g, '\\$&') + '"]')); });
      target = document.getElementById(id);
      var items = 0;  // and a screen below it, so that it can scroll to the top
      if (rendering) { renderSlice(function (skill) { items += itemsOf(skill).length; return items >= FIRST_SCREEN; }); }
    }
    if (target && !showTarget.done) { showTarget.done = true; target.scrollIntoView(); }
  }
  window.addEventListener('beforeprint', finishRendering);
  window.addEventListener('hashchange', function () { showTarget.done = false; showTarget(); });

  // Each skill's level select is a copy of one made per render and side: cloning is the
  // cheapest way to make thousands of them.
  var selectTemplates = [];
  function levelSelect(skill, side) {
    if (!selectTemplates[side]) {
      var template = el('select', { class: 'skill-plan-override', autocomplete: 'off' });
      template.appendChild(el('option', { value: '', text: fill(L.sameAsRole, { level: levels[state.sides[side].current].name }) }));
      levels.forEach(function (level) { template.appendChild(el('option', { value: level.id, text: level.name })); });
      selectTemplates[side] = template;
    }
    var select = selectTemplates[side].cloneNode(true);
    select.id = 'skill-plan-current-' + skill.id + (side ? '-2' : '');
    var overrides = state.sides[side].overrides;
    select.value = has(overrides, skill.id) ? levels[overrides[skill.id]].id : '';
    select.addEventListener('change', function () {
      if (select.value) { overrides[skill.id] = levelIndex[select.value]; } else { delete overrides[skill.id]; }
      delete itemCache[skill.id];
      if (filtering()) { render(); document.getElementById(select.id) && document.getElementById(select.id).focus(); return; }
      counters = counters.filter(function (counter) { return counter.skill !== skill; });
      var article = document.getElementById('plan-' + skill.id);
      var replacement = renderSkill(skill);
      article.parentNode.replaceChild(replacement, article);
      refresh(skill);
      drawChart();
      writeQuery();
      document.getElementById(select.id).focus();
    });
    var text = second() ? fill(L.skillCurrentOf, { skill: skill.title, name: sideName(side) }) : fill(L.skillCurrent, { skill: skill.title });
    return el('div', { class: 'skill-plan-control skill-plan-skill-level' }, [el('label', { for: select.id, text: text }), select]);
  }

  function renderSkill(skill) {
    var article = el('article', { class: 'skill-plan-skill', id: 'plan-' + skill.id, 'data-skill': skill.id });
    var heading = el('h4');
    heading.appendChild(skill.href ? el('a', { href: skill.href, text: skill.title }) : document.createTextNode(skill.title));
    article.appendChild(heading);
    state.sides.forEach(function (side, index) { article.appendChild(levelSelect(skill, index)); });
    var difference = second() ? article.appendChild(el('p', { class: 'skill-plan-difference' })) : null;
    var items = shownItems(skill);
    if (!items.length) {
      var current = skillCurrent(skill, 0);
      var text = !levelPath(current, state.target).steps.length ? fill(L.atTarget, { target: levels[state.target].name })
        : fill(L.nothing, { current: levels[current].name, target: levels[state.target].name });
      if (second() && itemsOf(skill).length) { text = L.noneShown; }
      article.appendChild(el('p', { class: 'skill-plan-nothing', text: text }));
      counters.push({ skill: skill, items: [], article: article, difference: difference, rows: [] });
      return article;
    }
    var skillProgress = el('p', { class: 'skill-plan-skill-progress' });
    var hint = el('p', { class: 'skill-plan-hint' });
    article.appendChild(skillProgress);
    article.appendChild(hint);
    var list = el('ul', { class: 'skill-plan-items' });
    var rows = items.map(function (item) { var row = renderItem(item); list.appendChild(row.node); return row; });
    article.appendChild(list);
    counters.push({ skill: skill, items: items, progress: skillProgress, hint: hint, article: article, difference: difference, rows: rows });
    return article;
  }

  function flagText(item) {
    if (item.before[0] === item.now[0]) { return item.now[0] ? L.required : L.optional; }
    return item.now[0] ? L.becomesRequired : L.becomesOptional;
  }

  function changedText(item) {
    var sides = state.sides.map(function (side, index) { return index; }).filter(function (index) { return isChanged(item, index); });
    if (!sides.length) { return ''; }
    if (!second()) { return L.changed; }
    return sides.map(function (index) { return fill(L.sideText, { name: sideName(index), text: L.changed }); }).join(' · ');
  }

  function renderItem(item) {
    var id = itemId(item);
    var textId = id + '-text';
    var changed = el('p', { class: 'skill-plan-changed' });
    var differs = second() ? el('p', { class: 'skill-plan-item-differs', text: L.differs }) : null;
    var node = el('li', { class: 'skill-plan-item', id: id, 'data-level': levels[item.level].id });
    var row = { item: item, node: node, changed: changed, differs: differs };
    var ticks = el('div', { class: 'skill-plan-ticks' });
    state.sides.forEach(function (side, index) {
      var suffix = index ? '-covered-2' : '-covered';
      if (!item.on[index]) {
        ticks.appendChild(el('p', { class: 'skill-plan-off', text: fill(L.notOnPath, { name: sideName(index) }) }));
        return;
      }
      var whoId = id + '-who' + (index ? '-2' : '');
      var box = el('input', {
        type: 'checkbox', id: id + suffix, 'aria-labelledby': second() ? whoId + ' ' + textId : textId,
        autocomplete: 'off', 'data-side': String(index)
      });
      box.checked = isTicked(item, index);
      box.addEventListener('change', function () { tick(row, index, box.checked); });
      ticks.appendChild(el('div', { class: 'skill-plan-tick' }, [
        box, el('span', { class: 'skill-plan-box', 'aria-hidden': 'true' }),
        el('label', {
          for: box.id, class: 'skill-plan-covered', id: whoId, 'aria-hidden': second() ? 'false' : 'true',
          text: second() ? sideName(index) : L.covered
        })
      ]));
    });
    var flag = el('p', {
      class: 'skill-plan-flag' + (item.becomesRequired ? ' skill-plan-becomes-required' : ''), text: flagText(item)
    });
    node.appendChild(ticks);
    node.appendChild(el('div', { class: 'skill-plan-texts' }, [
      el('div', { class: 'skill-plan-before' }, [
        el('p', { class: 'skill-plan-level', text: fill(L.previous, { level: levels[item.from].name }) }),
        cellNode('p', item.before[1])
      ]),
      el('div', { class: 'skill-plan-now' }, [
        el('p', { class: 'skill-plan-level', text: fill(L.next, { level: levels[item.level].name }) }),
        cellNode('p', item.now[1], { id: textId }),
        examplesOf(item.now)
      ])
    ]));
    node.appendChild(flag);
    node.appendChild(changed);
    if (second()) { node.appendChild(differs); }
    markRow(row);
    return row;
  }

  function markRow(row) {
    var text = changedText(row.item);
    if (row.changed.textContent !== text) { row.changed.textContent = text; }
    row.changed.hidden = !text;
    if (!row.differs) { return; }
    var differs = itemDiffers(row.item);
    row.differs.hidden = !differs;
    row.node.classList.toggle('skill-plan-differs', differs);
  }

  function tick(row, side, checked) {
    var item = row.item;
    var ticks = state.sides[side].ticks;
    if (checked) {
      (ticks[item.skill.id] = ticks[item.skill.id] || {})[item.level] = item.now[2];
    } else if (ticks[item.skill.id]) {
      delete ticks[item.skill.id][item.level];
      if (!Object.keys(ticks[item.skill.id]).length) { delete ticks[item.skill.id]; }
    }
    markRow(row);
    refresh(item.skill);
    drawChart();
    writeQuery();
  }

  function sideProgress(items, side) {
    var mine = items.filter(function (item) { return item.on[side]; });
    var done = mine.filter(function (item) { return isTicked(item, side); }).length;
    return plural(L.progress, mine.length, { covered: done, total: mine.length });
  }
  function progressText(items) {
    if (!second()) { return sideProgress(items, 0); }
    return state.sides.map(function (side, index) {
      return fill(L.sideText, { name: sideName(index), text: sideProgress(items, index) });
    }).join(' · ');
  }

  // A cell's examples (its fourth item, when it has some), collapsed as on the skill's page.
  function examplesOf(cell) {
    var examples = cell[3] || [];
    if (!examples.length) { return null; }
    return el('details', { class: 'skill-plan-examples' }, [
      el('summary', { text: plural(L.examples, examples.length, { count: examples.length }) }),
      el('ul', {}, examples.map(function (example) { return cellNode('li', example); }))
    ]);
  }

  function refreshSkill(counter) {
    if (second()) {
      var levelsDiffer = skillCurrent(counter.skill, 0) !== skillCurrent(counter.skill, 1);
      var differs = skillDiffers(counter.skill);
      counter.article.classList.toggle('skill-plan-differs', differs);
      counter.difference.hidden = !differs;
      counter.difference.textContent = !differs ? '' : levelsDiffer ? fill(L.levelsDiffer, {
        first: sideName(0), firstLevel: levels[skillCurrent(counter.skill, 0)].name,
        second: sideName(1), secondLevel: levels[skillCurrent(counter.skill, 1)].name
      }) : L.ticksDiffer;
    }
    if (!counter.progress) { return; }
    counter.progress.textContent = progressText(counter.items);
    var atTarget = counter.items.filter(function (item) { return item.level === state.target && item.on[0]; });
    var hintTotal = atTarget.length;
    counter.hint.hidden = !hintTotal || second();
    counter.hint.textContent = hintTotal ? plural(L.hint, hintTotal, {
      covered: atTarget.filter(function (item) { return isTicked(item, 0); }).length, total: hintTotal, level: levels[state.target].name
    }) : '';
  }

  // The progress texts: of *skill* only (after a tick or a change of its level), or of every skill;
  // the overall progress counts every item, shown or filtered out.
  function refresh(skill) {
    counters.forEach(function (counter) {
      if (!skill || counter.skill === skill) { refreshSkill(counter); }
    });
    progress.textContent = progressText(planItems());
  }

  // --- the chart -----------------------------------------------------------------------------

  // How far a side got in *skill*: its current level, raised by every level of its path whose
  // item (if the level has one) it ticked, up to the first it did not; as a height (first level 0).
  function reached(skill, side) {
    var items = itemsOf(skill);
    var current = skillCurrent(skill, side);
    var at = height[current];
    var steps = levelPath(current, state.target).steps;
    for (var step = 0; step < steps.length; step += 1) {
      var level = steps[step][1];
      var open = items.some(function (item) { return item.level === level && item.on[side] && !isTicked(item, side); });
      if (open) { break; }
      at = height[level];
    }
    return at;
  }

  function chartSpec() {
    var domains = [];
    var groups = [];
    var seen = {};
    data.skills.forEach(function (skill) {
      if (!has(seen, 'd' + skill.domainId)) { seen['d' + skill.domainId] = domains.length; domains.push({ id: skill.domainId, name: skill.domain, skills: [] }); }
      var groupKey = 'g' + skill.domainId + '\u0000' + skill.group;
      if (!has(seen, groupKey)) { seen[groupKey] = groups.length; groups.push({ id: skill.domainId + '/' + groups.length, name: skill.group, skills: [] }); }
      domains[seen['d' + skill.domainId]].skills.push(skill);
      groups[seen[groupKey]].skills.push(skill);
    });
    var byGroup = domains.length < 3 && groups.length >= 3;
    var axes = byGroup ? groups : domains;
    var series = state.sides.map(function (side, index) {
      return {
        id: index ? 'second' : 'first', name: sideName(index),
        values: axes.map(function (axis) {
          var sum = 0;
          axis.skills.forEach(function (skill) { sum += reached(skill, index); });
          return axis.skills.length ? sum / axis.skills.length + 1 : 0;
        })
      };
    });
    series.push({ id: 'target', name: fill(L.targetSeries, { level: levels[state.target].name }), dashed: true,
      values: axes.map(function () { return height[state.target] + 1; }) });
    var top = Math.max.apply(null, height);
    var rings = [];
    for (var ring = 0; ring <= top; ring += 1) {
      rings.push({ value: ring + 1, label: levels.filter(function (level, index) { return height[index] === ring; })
        .map(function (level) { return level.name; }).join(' / ') });
    }
    return {
      title: byGroup ? L.chartGroups : L.chartDomains,
      note: fill(L.chartNote, { first: levels[0].name }),
      axisHeader: byGroup ? L.group : L.domain, countHeader: L.skills,
      axes: axes.map(function (axis) { return { id: axis.id, name: axis.name, count: axis.skills.length }; }),
      series: series, max: top + 1, rings: rings, digits: 1
    };
  }

  function drawChart() {
    if (!data || !data.skills.length || !window.skillChart) { chartBox.textContent = ''; return; }
    var start = window.performance ? performance.now() : 0;
    window.skillChart.draw(chartBox, chartSpec());
    if (window.performance) { timings.chart = performance.now() - start; }
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

  function markMark(item, side) {
    if (!item.on[side]) { return '—'; }
    return isTicked(item, side) ? '[x]' : '[ ]';
  }

  function markdown() {
    var lines = ['# ' + markdownText(L.title + ': ' + roleNames[state.role]), ''];
    lines.push('- ' + markdownText(L.role) + ': ' + markdownText(roleNames[state.role]));
    if (second()) {
      state.sides.forEach(function (side, index) {
        lines.push('- ' + markdownText(fill(L.sideText, { name: sideName(index), text: L.current + ': ' + levels[side.current].name })));
      });
    } else {
      lines.push('- ' + markdownText(L.current) + ': ' + markdownText(levels[state.sides[0].current].name));
    }
    lines.push('- ' + markdownText(L.target) + ': ' +
      markdownText(withVia(levels[state.target].name, levelPath(state.sides[0].current, state.target))));
    lines.push('- ' + markdownText(fill(L.date, { date: dateText() })));
    var items = planItems();
    lines.push('- ' + markdownText(progressText(items)));
    var lastSkill = null;
    items.forEach(function (item) {
      var skill = item.skill;
      if (skill !== lastSkill) {
        var span = state.sides.map(function (side, index) {
          var text = withVia(levels[skillCurrent(skill, index)].name + ' → ' + levels[state.target].name,
            levelPath(skillCurrent(skill, index), state.target));
          return second() ? fill(L.sideText, { name: sideName(index), text: text }) : text;
        }).join(' · ');
        lines.push('', '## ' + markdownText(skill.domain + ' › ' + skill.group + ' › ' + skill.title) +
          ' (' + markdownText(span) + ')', '');
        lastSkill = skill;
      }
      var text = markdownText(levels[item.level].name + ': ' + cellText(item.now[1])) + ' (' + markdownText(flagText(item)) + ')';
      var line;
      if (second()) {
        line = '- ' + text + ' — ' + state.sides.map(function (side, index) {
          return markdownText(sideName(index)) + ': ' + markMark(item, index);
        }).join(' · ');
        if (itemDiffers(item)) { line += ' (' + markdownText(L.differs) + ')'; }
      } else {
        line = '- [' + (isTicked(item, 0) ? 'x' : ' ') + '] ' + text;
      }
      var changed = changedText(item);
      if (changed) { line += ' (' + markdownText(changed) + ')'; }
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

  // A cell's examples as one CSV cell, as the skill's CSV download writes them: each example's
  // first line after a bullet (no spreadsheet reads it as a formula), its other lines indented.
  function examplesCell(examples) {
    var lines = [];
    (examples || []).forEach(function (example) {
      var parts = cellText(example).split('\n');
      lines.push('\u2022 ' + parts[0]);
      parts.slice(1).forEach(function (line) { lines.push('  ' + line); });
    });
    return lines.join('\n');
  }

  function csv() {
    var items = planItems();
    var withExamples = Boolean(L.examplesColumn) && items.some(function (item) { return (item.now[3] || []).length; });
    var header = [L.domain, L.group, L.skill, L.level, L.required, L.description];
    if (withExamples) { header.push(L.examplesColumn); }
    if (second()) {
      state.sides.forEach(function (side, index) {
        header.push(fill(L.sideText, { name: sideName(index), text: L.current }), fill(L.sideText, { name: sideName(index), text: L.covered }));
      });
    } else {
      header.push(L.covered);
    }
    var rows = [header];
    items.forEach(function (item) {
      var row = [item.skill.domain, item.skill.group, item.skill.title, levels[item.level].name, flagText(item), cellText(item.now[1])];
      if (withExamples) { row.push(examplesCell(item.now[3])); }
      if (second()) {
        state.sides.forEach(function (side, index) {
          row.push(levels[skillCurrent(item.skill, index)].name, item.on[index] ? (isTicked(item, index) ? 'x' : '') : '—');
        });
      } else {
        row.push(isTicked(item, 0) ? 'x' : '');
      }
      rows.push(row);
    });
    return '\ufeff' + rows.map(function (row) { return row.map(spreadsheetText).join(','); }).join('\r\n') + '\r\n';
  }

  function fileName(extension) {
    return 'growth-plan-' + state.role + '-' + levels[state.sides[0].current].id + '-' + levels[state.target].id +
      (second() ? '-compared' : '') + '.' + extension;
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
