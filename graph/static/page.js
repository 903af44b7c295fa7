/* vanban graph page: reads the graph from the JSON block and draws it with sigma.js on a graphology
 * graph (both inlined from graph/static/vendor), at the positions the export computed. Labels,
 * filters, groups, search and the details panel are ours. Every string from the data is set with
 * textContent or drawn on a canvas, never parsed as HTML. Nothing is fetched. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var container = document.getElementById("graph");
  var details = document.getElementById("details");
  var searchBox = document.getElementById("search");
  var resultsList = document.getElementById("results");
  var statusLine = document.getElementById("status");
  var LABEL_PX = 12;          // label size on screen, whatever the zoom
  var LABEL_MAX = 400;        // labels placed at most, per frame
  var MATCH_LABELS = 40;      // search matches that get a label first
  var NEIGHBOUR_LABELS = 25;  // neighbours of the selected node that get one first
  var ZOOM_RATIO_MIN = 0.04;  // camera ratios when zooming to one node (smaller: closer) ...
  var ZOOM_RATIO_MAX = 0.45;  // ... at least this close, so that a zoom is seen
  var SMALL_DRAWING = 60;     // nodes up to which the camera keeps the whole drawing in view

  var nodes = data.nodes, edges = data.edges, byId = {}, edgeById = {};
  nodes.forEach(function (n) { byId[n.id] = n; n.out = []; n["in"] = []; });
  edges.forEach(function (e) { edgeById[e.id] = e; byId[e.from].out.push(e); byId[e.to]["in"].push(e); });
  var typeColors = {}, relationColors = {}, groupByName = {};
  data.doc_types.forEach(function (t) { typeColors[t.name] = t.color; });
  data.relation_types.forEach(function (t) { relationColors[t.type] = t.color; });
  (data.groups || []).forEach(function (g) { groupByName[g.name] = g; });
  var hasStories = nodes.some(function (n) { return n.kind === "story"; });
  var GROUP = "group:";
  var statusColors = {}, ended = {};
  (data.statuses || []).forEach(function (t) { statusColors[t.name] = t.color; ended[t.name] = t.ended; });
  var rollout = data.rollout, rolloutRow = {}, rolloutLevel = {};
  if (rollout) {
    rollout.rows.forEach(function (r) { rolloutRow[r.id] = r; });
    Object.keys(rollout.views).forEach(function (key) {
      rollout.views[key].levels.forEach(function (l) { rolloutLevel[l.id] = l; });
    });
  }

  // --- small helpers ---------------------------------------------------------------------

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /** Lower case without tone marks, so "luat dat dai" finds "Luật Đất đai" and "50-qd/tw" finds "50-QĐ/TW". */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/[\u2010-\u2015]/g, "-");
  }

  function shortLabel(text) {
    text = String(text || "");
    return text.length > 42 ? text.slice(0, 41) + "…" : text;
  }

  function year(n) { return n.attrs && n.attrs.date ? parseInt(n.attrs.date.slice(0, 4), 10) : null; }

  // --- filters: what a reader asked to see, and nothing they orphan ----------------------------

  var params = new URLSearchParams(window.location.search);
  var filter = { types: {}, relations: {}, conf: 0, from: null, to: null, undated: true, stories: true, inForce: false };
  var mode = "graph", basis = false, colorBy = "type"; // the view (graph or rollout) and what fills the documents
  function resetFilter() {
    var wantedTypes = params.getAll("type"), wantedRelations = params.getAll("relation");
    data.doc_types.forEach(function (t) { filter.types[t.name] = !wantedTypes.length || wantedTypes.indexOf(t.name) >= 0; });
    data.relation_types.forEach(function (t) {
      filter.relations[t.type] = !wantedRelations.length || wantedRelations.indexOf(t.type) >= 0;
    });
    filter.conf = parseFloat(params.get("conf")) || 0;
    filter.from = parseInt(params.get("from"), 10) || null;
    filter.to = parseInt(params.get("to"), 10) || null;
    filter.undated = params.get("undated") !== "0";
    filter.stories = params.get("stories") !== "0";
    filter.inForce = params.get("in_force") === "1";
    mode = rollout && (params.get("view") || data.start_view) === "rollout" ? "rollout" : "graph";
    // with based_on when asked, or when nothing implements the document but something rests on it
    basis = params.get("basis") === "1" || (!!rollout && params.get("basis") !== "0" &&
      !rollout.rows.some(function (r) { return r.implements; }) && rollout.rows.length > 0);
    colorBy = params.get("color") === "status" ? "status" : "type";
  }
  resetFilter();

  function ownShown(n) { // the node's own filters, before looking at its edges
    if (n.kind === "story") { return filter.stories && mode === "graph"; }
    if (!filter.types[n.type]) { return false; }
    if (filter.inForce && ended[n.attrs.status]) { return false; } // replaced, repealed, expired
    var y = year(n);
    if (y === null) { return filter.undated; }
    return (filter.from === null || y >= filter.from) && (filter.to === null || y <= filter.to);
  }

  function edgeShown(e) {
    if (!ownShown(byId[e.from]) || !ownShown(byId[e.to])) { return false; }
    if (e.kind !== "relation") { return true; }
    return filter.relations[e.type] && (e.confidence || 0) >= filter.conf - 1e-9;
  }

  var visible = {}; // node id -> true, after the filters and the orphans they leave
  function rolloutShown(n) { // in the rollout view: the directive and the documents acting on it
    return n.id === rollout.focus || (!!rolloutRow[n.id] && (basis || rolloutRow[n.id].implements));
  }

  function computeVisible() {
    visible = {};
    nodes.forEach(function (n) {
      if (!ownShown(n)) { return; }
      if (mode === "rollout") { if (rolloutShown(n)) { visible[n.id] = true; } return; }
      if (n.rollout_only) { return; }
      var linked = n.out.length + n["in"].length;
      // a node drawn for its links goes when a filter takes every one of them; the focus stays
      if (!linked || data.focus.indexOf(n.id) >= 0 || n.out.some(edgeShown) || n["in"].some(edgeShown)) {
        visible[n.id] = true;
      }
    });
  }
  function nodeShown(n) { return !!visible[n.id]; }

  // --- groups: a large overview starts as one node per document type ---------------------------

  var expanded = {}; // group name -> opened
  function groupOf(n) {
    return data.grouped && mode === "graph" && n.kind === "document" && !expanded[n.group] ? GROUP + n.group : null;
  }
  function drawnId(id) { return groupOf(byId[id]) || id; }

  // --- the sigma drawing ---------------------------------------------------------------------

  var graph = new graphology.MultiDirectedGraph();
  var selectedId = null, hoveredId = null, matches = [], labelBoxes = [];

  function nodeSize(n) {
    return n.kind === "story" ? 3 : Math.min(22, 3 + 2.2 * Math.sqrt(n.attrs.cited_by || 0) + 0.4 * Math.sqrt(n.rank || 0));
  }

  function nodeColor(n) {
    if (n.kind !== "document") { return data.story_color; }
    if (colorBy === "status") { return statusColors[n.attrs.status] || "#999999"; }
    return typeColors[n.type] || "#999999";
  }

  function rebuildRollout() { // rows by level, the directive on top, x by lag; headings are nodes too
    var view = rollout.views[basis ? "basis" : "implements"], at = view.positions;
    nodes.forEach(function (n) {
      if (!visible[n.id] || !at[n.id]) { return; }
      graph.addNode(n.id, { x: at[n.id][0], y: at[n.id][1], size: n.id === rollout.focus ? 12 : 7,
        label: shortLabel(n.label) + (rolloutRow[n.id] && rolloutRow[n.id].lag_days !== null ?
          " · " + rolloutRow[n.id].lag_days + " d" : ""), color: nodeColor(n) });
    });
    view.levels.forEach(function (l) {
      graph.addNode(l.id, { x: at[l.id][0], y: at[l.id][1], size: 4, color: "#555555",
        label: l.name + " (" + l.count + ")", heading: true });
    });
    rollout.steps.forEach(function (step, i) {
      if (!graph.hasNode(step[0]) || !graph.hasNode(step[1])) { return; }
      graph.addDirectedEdgeWithKey("r" + i, step[0], step[1], { type: "arrow", size: 1.5,
        color: relationColors[step[2]] || RELATION_FALLBACK[step[2]] || "#555555" });
    });
  }
  var RELATION_FALLBACK = { implements: "#2ca02c", based_on: "#1f77b4" };

  function rebuild() {
    computeVisible();
    graph.clear();
    if (mode === "rollout") { rebuildRollout(); return; }
    var groupCounts = {};
    nodes.forEach(function (n) {
      if (!visible[n.id]) { return; }
      var g = groupOf(n);
      if (g) { groupCounts[g] = (groupCounts[g] || 0) + 1; return; }
      graph.addNode(n.id, {
        x: n.x, y: n.y, size: nodeSize(n), label: shortLabel(n.label), color: nodeColor(n)
      });
    });
    Object.keys(groupCounts).forEach(function (g) {
      var info = groupByName[g.slice(GROUP.length)];
      graph.addNode(g, { x: info.x, y: info.y, size: Math.min(40, 8 + 2.5 * Math.sqrt(groupCounts[g])),
        label: info.name + " (" + groupCounts[g] + ")", color: info.color, count: groupCounts[g] });
    });
    var merged = {};
    edges.forEach(function (e) {
      if (!edgeShown(e) || !visible[e.from] || !visible[e.to]) { return; }
      var from = drawnId(e.from), to = drawnId(e.to), relation = e.kind === "relation";
      var color = relation ? (relationColors[e.type] || "#555555") : "#cfcfcf";
      if (from === e.from && to === e.to) {
        graph.addDirectedEdgeWithKey(e.id, from, to, { type: "arrow", color: color,
          size: relation ? 1 + 2 * (e.confidence || 0) : 0.6 });
        return;
      }
      if (from === to) { return; }
      var key = from + "\u0001" + to; // one arrow per pair of groups, coloured by its most frequent relation
      if (!merged[key]) { merged[key] = { from: from, to: to, count: 0, types: {} }; }
      merged[key].count += 1;
      merged[key].types[color] = (merged[key].types[color] || 0) + 1;
    });
    Object.keys(merged).forEach(function (key) {
      var m = merged[key], colors = Object.keys(m.types);
      colors.sort(function (a, b) { return m.types[b] - m.types[a]; });
      graph.addDirectedEdgeWithKey("m:" + key, m.from, m.to, { type: "arrow", color: colors[0],
        size: Math.min(8, 1 + Math.log(1 + m.count)), count: m.count });
    });
  }

  rebuild();
  var renderer = new Sigma(graph, container, {
    renderLabels: false,            // the page places labels itself (placeLabels), without overlaps
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    defaultEdgeType: "arrow",
    zIndex: true,
    minCameraRatio: 0.01,
    maxCameraRatio: 4,
    labelFont: "system-ui, sans-serif",
    labelSize: LABEL_PX,
    stagePadding: 50,
    nodeReducer: function (id, attrs) {
      var res = Object.assign({}, attrs);
      if (id === selectedId || data.focus.indexOf(id) >= 0) { res.highlighted = true; res.zIndex = 2; }
      return res;
    },
    edgeReducer: function (id, attrs) {
      var res = Object.assign({}, attrs);
      if (selectedId && graph.hasNode(selectedId)) {
        var ends = graph.extremities(id);
        if (ends[0] !== selectedId && ends[1] !== selectedId) { res.color = fade(attrs.color); }
        else { res.zIndex = 1; }
      }
      if (id === selectedId) { res.size = (attrs.size || 1) + 2; res.zIndex = 2; }
      return res;
    }
  });

  function fade(color) { return /^#[0-9a-f]{6}$/i.test(color) ? color + "40" : color; }

  // --- labels: placed by importance, none over another; zooming in makes room for more ---------

  var labelCanvas = renderer.getCanvases().labels;
  var labelContext = labelCanvas.getContext("2d");

  function priorities() {
    var first = {}, order = 1e9;
    function put(id) { if (graph.hasNode(id) && first[id] === undefined) { first[id] = order--; } }
    if (hoveredId) { put(hoveredId); }
    if (selectedId) { put(selectedId); }
    data.focus.forEach(put);
    if (mode === "rollout") { graph.forEachNode(function (id, attrs) { if (attrs.heading) { put(id); } }); }
    matches.slice(0, MATCH_LABELS).forEach(function (n) { put(drawnId(n.id)); });
    if (selectedId && byId[selectedId]) {
      var n = byId[selectedId], near = [];
      n.out.forEach(function (e) { near.push(byId[e.to]); });
      n["in"].forEach(function (e) { near.push(byId[e.from]); });
      near.sort(function (a, b) { return (b.rank || 0) - (a.rank || 0); });
      near.slice(0, NEIGHBOUR_LABELS).forEach(function (m) { put(m.id); });
    }
    return first;
  }

  function placeLabels() {
    var first = priorities(), ids = graph.nodes();
    var w = container.clientWidth, h = container.clientHeight, cell = 64, grid = {};
    ids.sort(function (a, b) {
      var pa = first[a] !== undefined ? first[a] : (graph.getNodeAttribute(a, "count") || 0) * 1e4 + ((byId[a] || {}).rank || 0);
      var pb = first[b] !== undefined ? first[b] : (graph.getNodeAttribute(b, "count") || 0) * 1e4 + ((byId[b] || {}).rank || 0);
      return pb - pa;
    });
    labelBoxes = [];
    labelContext.font = LABEL_PX + "px system-ui, sans-serif";
    function cells(box, visit) {
      for (var gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.w) / cell); gx++) {
        for (var gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.h) / cell); gy++) {
          if (visit(gx + ":" + gy)) { return true; }
        }
      }
      return false;
    }
    function collides(box) {
      return cells(box, function (key) {
        return (grid[key] || []).some(function (o) {
          return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h;
        });
      });
    }
    for (var i = 0; i < ids.length && labelBoxes.length < LABEL_MAX; i++) {
      var id = ids[i], attrs = graph.getNodeAttributes(id), display = renderer.getNodeDisplayData(id);
      if (!display || display.hidden) { continue; }
      var p = renderer.framedGraphToViewport(display), r = renderer.scaleSize(display.size);
      if (p.x < -50 || p.y < 0 || p.x > w || p.y > h) { continue; }
      var text = attrs.label || id, width = labelContext.measureText(text).width;
      var box = { id: id, x: Math.round(p.x + r + 2), y: Math.round(p.y - LABEL_PX / 2 - 2), w: Math.ceil(width) + 4, h: LABEL_PX + 4 };
      if (box.x + box.w > w + 40) { continue; }
      if (collides(box)) { continue; }
      labelBoxes.push(box);
      cells(box, function (key) { (grid[key] = grid[key] || []).push(box); return false; });
    }
    labelContext.save();
    labelContext.font = LABEL_PX + "px system-ui, sans-serif";
    labelContext.textBaseline = "middle";
    labelContext.lineJoin = "round";
    labelBoxes.forEach(function (box) {
      // sigma draws the label of a highlighted (selected, focus) or hovered node itself, in a box:
      // its place is kept free here, and not painted twice
      if (box.id === hoveredId || box.id === selectedId || data.focus.indexOf(box.id) >= 0) { return; }
      var text = graph.getNodeAttribute(box.id, "label") || box.id;
      labelContext.font = LABEL_PX + "px system-ui, sans-serif";
      labelContext.lineWidth = 4;
      labelContext.strokeStyle = "#ffffff";
      labelContext.strokeText(text, box.x + 2, box.y + box.h / 2);
      labelContext.fillStyle = "#111111";
      labelContext.fillText(text, box.x + 2, box.y + box.h / 2);
    });
    labelContext.restore();
  }

  renderer.on("afterRender", placeLabels);

  /** Pairs of label boxes that overlap (the page's own count; the tests count again from the boxes). */
  function overlaps(boxes) {
    var sorted = boxes.slice().sort(function (a, b) { return a.x - b.x; }), count = 0;
    for (var i = 0; i < sorted.length; i++) {
      for (var j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].w; j++) {
        var a = sorted[i], b = sorted[j];
        if (a.y < b.y + b.h && b.y < a.y + a.h) { count++; }
      }
    }
    return count;
  }

  // --- camera ------------------------------------------------------------------------------------

  /** The camera on a node, close enough that most of its neighbours stay in view. */
  function zoomTo(id, animate) {
    var display = renderer.getNodeDisplayData(id);
    if (!display || graph.order <= SMALL_DRAWING) { renderer.refresh(); return; } // a small drawing stays whole
    var distances = graph.neighbors(id).map(function (other) {
      var d = renderer.getNodeDisplayData(other);
      return d ? Math.max(Math.abs(d.x - display.x), Math.abs(d.y - display.y)) : 0;
    }).sort(function (a, b) { return a - b; });
    var near = distances.length ? distances[Math.floor(distances.length * 0.8)] : 0;
    var ratio = Math.min(renderer.getCamera().ratio, ZOOM_RATIO_MAX, Math.max(ZOOM_RATIO_MIN, 2.4 * near));
    var target = { x: display.x, y: display.y, ratio: ratio };
    if (animate) { renderer.getCamera().animate(target, { duration: 400 }); }
    else { renderer.getCamera().setState(target); renderer.refresh(); }
  }

  function fitAll() { renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }); renderer.refresh(); }

  function fitNodes(ids) { // the camera on the box around these nodes
    var xs = [], ys = [];
    ids.forEach(function (id) {
      var d = renderer.getNodeDisplayData(id);
      if (d) { xs.push(d.x); ys.push(d.y); }
    });
    if (!xs.length) { return; }
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    renderer.getCamera().setState({ x: (minX + maxX) / 2, y: (minY + maxY) / 2,
      ratio: Math.min(1, Math.max(ZOOM_RATIO_MIN, 1.3 * Math.max(maxX - minX, maxY - minY))) });
    renderer.refresh();
  }

  // --- state for readers and tests ------------------------------------------------------------

  var openMs = null;

  function shownIds() { return nodes.filter(nodeShown).map(function (n) { return n.id; }); }

  function publishState() {
    var shown = shownIds();
    var shownEdges = edges.filter(function (e) { return edgeShown(e) && visible[e.from] && visible[e.to]; }).length;
    var w = container.clientWidth, h = container.clientHeight, outside = 0;
    graph.forEachNode(function (id) {
      var d = renderer.getNodeDisplayData(id);
      var p = renderer.framedGraphToViewport(d);
      if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) { outside++; }
    });
    var state = {
      shown_nodes: shown, shown_edges: shownEdges, drawn_nodes: graph.order, drawn_edges: graph.size,
      groups: graph.nodes().filter(function (id) { return id.indexOf(GROUP) === 0; }),
      labelled: labelBoxes.map(function (b) { return b.id; }), labels_drawn: labelBoxes.length,
      label_boxes: labelBoxes.map(function (b) { return [b.id, b.x, b.y, b.w, b.h]; }),
      label_overlaps: overlaps(labelBoxes),
      matches: matches.map(function (n) { return n.id; }),
      selected: selectedId, open_ms: openMs, layout: mode === "rollout" ? "rollout" : data.layout,
      mode: mode, basis: basis, color_by: colorBy, in_force_only: filter.inForce,
      node_colors: graph.nodes().slice(0, 5000).map(function (id) { return [id, graph.getNodeAttribute(id, "color")]; }),
      rollout_levels: mode === "rollout" ? rolloutLevels() : null,
      view: { ratio: renderer.getCamera().ratio, width: w, height: h, outside: outside }
    };
    document.getElementById("page-state").textContent = JSON.stringify(state);
    var body = document.body;
    body.setAttribute("data-rendered-nodes", String(shown.length));
    body.setAttribute("data-rendered-edges", String(shownEdges));
    body.setAttribute("data-labels-drawn", String(state.labels_drawn));
    body.setAttribute("data-label-overlaps", String(state.label_overlaps));
    body.setAttribute("data-matches", String(matches.length));
    if (selectedId) { body.setAttribute("data-selected", selectedId); } else { body.removeAttribute("data-selected"); }
  }

  function rolloutLevels() { // level -> the documents drawn in its row, left to right, with their y
    var found = {};
    graph.forEachNode(function (id, attrs) {
      var r = rolloutRow[id];
      if (!r) { return; }
      (found[r.level] = found[r.level] || []).push([id, attrs.x, attrs.y]);
    });
    Object.keys(found).forEach(function (k) { found[k].sort(function (a, b) { return a[1] - b[1]; }); });
    return found;
  }

  renderer.getCamera().on("updated", function () { if (openMs !== null) { setTimeout(publishState, 0); } });

  // --- details panel ---------------------------------------------------------------------------

  var ATTRIBUTE_NAMES = {
    code: "code", doc_type_name: "type", issuer: "issuer", date: "date", subject: "subject",
    scope: "scope", term: "term", cited_by: "cited by (stories)", published: "published", copies: "sources",
    status: "status on " + data.status_as_of, status_since: "since", status_reason: "why",
    level: "level", province: "province", former_province: "former province", lag_days: "lag (days)",
    depth: "steps down", type: "first step"
  };
  var STATUS_WORDS = {
    in_force: "in force", amended: "amended", partly_repealed: "partly repealed", replaced: "replaced",
    repealed: "repealed", expired: "expired (period ended)", unknown: "unknown"
  };
  var RELATION_WORDS = {
    based_on: ["rests on", "rested on by"], implements: ["implements", "implemented by"],
    amends: ["amends", "amended by"], replaces: ["replaces", "replaced by"],
    repeals: ["repeals", "repealed by"], cites: ["cites", "cited by"]
  };

  function nodeLink(n) {
    var button = el("button", "link", n.label);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(n, true); });
    return button;
  }

  function edgeLink(e, text) {
    var button = el("button", "link", text);
    button.type = "button";
    button.addEventListener("click", function () { selectEdge(e); });
    return button;
  }

  function attributeList(attrs, names) {
    var dl = el("dl", "attrs");
    names.forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === "") { return; }
      dl.appendChild(el("dt", null, ATTRIBUTE_NAMES[name] || name));
      dl.appendChild(el("dd", null, value));
    });
    return dl;
  }

  function storyName(storyId) {
    var s = data.stories[storyId];
    if (!s) { return storyId; }
    return (s.title || storyId) + (s.published ? " (" + s.published + ")" : "");
  }

  function storyOfText(textId) {
    var found = null;
    Object.keys(data.stories).some(function (id) {
      if (data.stories[id].sources.some(function (src) { return src.text_id === textId; })) { found = id; return true; }
      return false;
    });
    return found;
  }

  function sourceList(storyId) {
    var list = el("ul", "sources");
    ((data.stories[storyId] || {}).sources || []).forEach(function (src) {
      list.appendChild(el("li", null, src.source + (src.published ? " · " + src.published : "")));
    });
    return list;
  }

  function showNode(n) {
    details.textContent = "";
    details.appendChild(el("h2", null, n.label));
    details.appendChild(el("div", "muted", n.kind === "document" ? "document · " + n.type : "story"));
    if (n.kind === "document") {
      details.appendChild(attributeList(n.attrs, ["code", "doc_type_name", "issuer", "date", "subject", "scope",
        "term", "cited_by"]));
      var st = el("div", "status-line");
      var swatch = el("span", "swatch");
      swatch.style.background = statusColors[n.attrs.status] || "#999999";
      st.appendChild(swatch);
      st.appendChild(el("span", null, "Status on " + data.status_as_of + ": " + (STATUS_WORDS[n.attrs.status] || n.attrs.status) +
        (n.attrs.status_since ? " since " + n.attrs.status_since : "")));
      st.setAttribute("data-status", n.attrs.status || "");
      details.appendChild(st);
      if (n.attrs.status_reason) { details.appendChild(el("div", "muted", n.attrs.status_reason)); }
      if (rolloutRow[n.id]) {
        var r = rolloutRow[n.id];
        details.appendChild(el("h3", null, "In the rollout of " + rollout.label));
        details.appendChild(attributeList({ level: (rolloutLevel["level:" + r.level] || { name: r.level }).name,
          province: r.province, former_province: r.former_province, lag_days: r.lag_days, depth: r.depth, type: r.type },
          ["level", "province", "former_province", "lag_days", "depth", "type"]));
        if (r.evidence) { details.appendChild(el("blockquote", "evidence", r.evidence)); }
      }
      if (rollout && n.id === rollout.focus) {
        var toggle = el("button", null, mode === "rollout" ? "show the relations" : "show its rollout by level");
        toggle.type = "button";
        toggle.addEventListener("click", function () { setMode(mode === "rollout" ? "graph" : "rollout"); });
        details.appendChild(toggle);
      }
      if (n.names && n.names.length > 1) {
        details.appendChild(el("h3", null, "Names in the texts"));
        var names = el("ul", "items");
        n.names.forEach(function (pair) { names.appendChild(el("li", null, pair[0] + " ×" + pair[1])); });
        details.appendChild(names);
      }
      if (n.attrs.ambiguous) {
        var unknown = { named: "edition", central: "term" }[n.attrs.scope] || "issuer";
        details.appendChild(el("div", "muted", "Ambiguous: the citing texts do not say which " + unknown + " this document is."));
      }
      details.appendChild(el("h3", null, "Stories citing it (" + n.cited_in.length + ")"));
      var list = el("ul", "items");
      n.cited_in.forEach(function (c) {
        var item = el("li");
        item.appendChild(byId[c.story] ? nodeLink(byId[c.story]) : el("span", null, storyName(c.story)));
        item.appendChild(el("span", "muted", " ×" + c.count));
        if ((data.stories[c.story] || { sources: [] }).sources.length > 1) { item.appendChild(sourceList(c.story)); }
        list.appendChild(item);
      });
      if (!n.cited_in.length) { list.appendChild(el("li", "muted", "none")); }
      details.appendChild(list);
    } else {
      details.appendChild(attributeList(n.attrs, ["published", "copies"]));
      details.appendChild(el("h3", null, "Sources"));
      details.appendChild(sourceList(n.id));
    }
    var groups = {}, order = [];
    n.out.forEach(function (e) { addToGroup(groups, order, (RELATION_WORDS[e.type] || [e.type])[0], e, byId[e.to]); });
    n["in"].forEach(function (e) {
      if (e.kind === "cites") { return; } // listed above as citing stories
      addToGroup(groups, order, (RELATION_WORDS[e.type] || [e.type, e.type])[1], e, byId[e.from]);
    });
    order.forEach(function (title) {
      details.appendChild(el("h3", null, title + " (" + groups[title].length + ")"));
      var list = el("ul", "items");
      groups[title].forEach(function (pair) {
        var item = el("li");
        item.appendChild(nodeLink(pair[1]));
        if (pair[0].kind === "relation") {
          item.appendChild(el("span", "muted", " " + Number(pair[0].confidence || 0).toFixed(2) + " "));
          item.appendChild(edgeLink(pair[0], "evidence"));
        }
        list.appendChild(item);
      });
      details.appendChild(list);
    });
  }

  function addToGroup(groups, order, title, e, other) {
    if (!groups[title]) { groups[title] = []; order.push(title); }
    groups[title].push([e, other]);
  }

  function showEdge(e) {
    details.textContent = "";
    details.appendChild(el("h2", null, e.type));
    var line = el("div");
    line.appendChild(nodeLink(byId[e.from]));
    line.appendChild(el("span", null, " → "));
    line.appendChild(nodeLink(byId[e.to]));
    details.appendChild(line);
    if (e.kind !== "relation") { return; }
    details.appendChild(attributeList({ confidence: Number(e.confidence || 0).toFixed(2), evidence: e.count },
      ["confidence", "evidence"]));
    details.appendChild(el("h3", null, "Evidence"));
    e.evidence.forEach(function (item) {
      details.appendChild(el("blockquote", "evidence", item.text || "(no sentence kept)"));
      var story = storyOfText(item.text_id);
      details.appendChild(el("div", "muted", (story ? storyName(story) : item.text_id) + " · rule " + (item.rule || "?") +
        " · " + Number(item.confidence || 0).toFixed(2) +
        (item.start !== null && item.start !== undefined ? " · chars " + item.start + "-" + item.end : "")));
    });
  }

  function showGroup(name) {
    var g = groupByName[name];
    details.textContent = "";
    details.appendChild(el("h2", null, name));
    details.appendChild(el("p", null, g.count + " documents, drawn as one node. Click it again, or the button, to close it."));
    var button = el("button", null, expanded[name] ? "close the group" : "open the group");
    button.type = "button";
    button.addEventListener("click", function () { toggleGroup(name); });
    details.appendChild(button);
  }

  function showRollout() { // the rollout as a list per level, beside its drawing
    details.textContent = "";
    details.appendChild(el("h2", null, "Rollout of " + rollout.label));
    details.appendChild(el("p", "muted", "Rows: the levels of the cascade, top to bottom. Left to right: days after the " +
      "directive (" + (rollout.date || "undated") + "); undated documents close each row. Arrows: the step each document " +
      "takes towards the directive. Colour: " + colorBy + "."));
    var view = rollout.views[basis ? "basis" : "implements"];
    var resting = rollout.rows.filter(function (r) { return !r.implements; }).length;
    if (!basis && resting) {
      details.appendChild(el("p", "muted", resting + " more document" + (resting > 1 ? "s rest" : " rests") +
        " on it (based_on, “căn cứ”): tick “with based_on” to add them."));
    }
    if (!view.levels.length) {
      details.appendChild(el("p", null, "No document in the store " + (basis ? "implements or rests on" : "implements") +
        " it."));
    }
    view.levels.forEach(function (l) {
      details.appendChild(el("h3", null, l.name + " (" + l.count + ")"));
      var list = el("ul", "items");
      rollout.rows.forEach(function (r) {
        if (r.level !== l.level || !(basis || r.implements) || !byId[r.id]) { return; }
        var item = el("li");
        item.appendChild(nodeLink(byId[r.id]));
        item.appendChild(el("span", "muted", " " + (r.date || "undated") + (r.lag_days !== null ? " · " + r.lag_days + " days" : "") +
          (r.province ? " · " + r.province : "") + (visible[r.id] ? "" : " (hidden by a filter)")));
        list.appendChild(item);
      });
      details.appendChild(list);
    });
  }

  function setMode(next) {
    mode = next;
    selectedId = null;
    showControls();
    rebuild();
    if (mode === "rollout") { showRollout(); } else { showOverview(); }
    fitAll();
    publishState();
  }

  function showOverview() {
    if (mode === "rollout") { showRollout(); return; }
    details.textContent = "";
    details.appendChild(el("h2", null, "Overview"));
    details.appendChild(el("p", null, data.heading));
    details.appendChild(el("p", null, data.summary));
    details.appendChild(el("p", "muted", (data.grouped ? "Documents are grouped by type: click a group to open it. " : "") +
      (data.layout === "levels" ? "Rows are steps along the relations: what the focus rests on above, what implements it below. " : "") +
      "Click a node or an arrow for its details; drag to pan, wheel to zoom: labels that would overlap are left out " +
      "and appear as you zoom in. The legend's boxes and the filters above hide documents and relations, and the nodes they leave alone."));
  }

  function toggleGroup(name) {
    expanded[name] = !expanded[name];
    rebuild();
    renderer.refresh();
    showGroup(name);
    publishState();
  }

  function selectNode(n) {
    if (n.kind === "document" && groupOf(n)) { expanded[n.group] = true; rebuild(); }
    selectedId = n.id;
    showNode(n);
    renderer.refresh();
    publishState();
  }

  function selectEdge(e) {
    selectedId = graph.hasEdge(e.id) ? e.id : null;
    showEdge(e);
    renderer.refresh();
    publishState();
  }

  function focusNode(n, animate) {
    selectNode(n);
    if (graph.hasNode(n.id)) { zoomTo(n.id, animate); }
    publishState();
  }

  renderer.on("clickNode", function (event) {
    if (event.node.indexOf(GROUP) === 0) { toggleGroup(event.node.slice(GROUP.length)); return; }
    if (!byId[event.node]) { return; } // a row heading of the rollout view
    selectNode(byId[event.node]);
  });
  renderer.on("clickEdge", function (event) { if (edgeById[event.edge]) { selectEdge(edgeById[event.edge]); } });
  renderer.on("clickStage", function () { selectedId = null; showOverview(); renderer.refresh(); publishState(); });
  renderer.on("enterNode", function (event) { hoveredId = event.node; renderer.refresh(); });
  renderer.on("leaveNode", function () { hoveredId = null; renderer.refresh(); });

  // --- legend (its boxes are the type filters) ------------------------------------------------

  function legendRow(swatchClass, color, text, checked, onChange) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    var swatch = el("span", swatchClass);
    if (swatchClass === "line") { swatch.style.borderColor = color; } else { swatch.style.background = color; }
    label.appendChild(swatch);
    label.appendChild(el("span", null, text));
    return label;
  }

  function showLegend() {
    var legend = document.getElementById("legend");
    legend.textContent = "";
    legend.appendChild(el("h3", null, "Documents (size: stories citing them)"));
    data.doc_types.forEach(function (t) {
      var row = legendRow("swatch", t.color, t.name + " (" + t.count + ")", filter.types[t.name], function (on) {
        filter.types[t.name] = on; refresh();
      });
      row.setAttribute("data-type", t.name);
      legend.appendChild(row);
    });
    if (data.relation_types.length) { legend.appendChild(el("h3", null, "Relations (arrow: to what is rested on)")); }
    data.relation_types.forEach(function (t) {
      legend.appendChild(legendRow("line", t.color, t.type + " (" + t.count + ")", filter.relations[t.type], function (on) {
        filter.relations[t.type] = on; refresh();
      }));
    });
    legend.appendChild(el("h3", null, "Status on " + data.status_as_of + (colorBy === "status" ? " (fill)" : "")));
    (data.statuses || []).forEach(function (t) {
      var row = el("div");
      row.setAttribute("data-status", t.name);
      var swatch = el("span", "swatch");
      swatch.style.background = t.color;
      row.appendChild(swatch);
      row.appendChild(el("span", t.count ? null : "muted", (STATUS_WORDS[t.name] || t.name) + " (" + t.count + ")" +
        (t.ended ? " · hidden by “in force only”" : "")));
      legend.appendChild(row);
    });
    if (hasStories) {
      var row = el("div");
      var swatch = el("span", "swatch");
      swatch.style.background = data.story_color;
      row.appendChild(swatch);
      row.appendChild(el("span", null, "story: a text and its copies, citing (grey arrow)"));
      legend.appendChild(row);
    }
  }

  // --- search -----------------------------------------------------------------------------------

  function haystack(n) {
    var a = n.attrs || {};
    var names = (n.names || []).map(function (pair) { return pair[0]; });
    return fold([n.label, a.code, a.subject, a.issuer, a.doc_type_name, n.type].concat(names).join("\u0001"));
  }
  nodes.forEach(function (n) { n.search = haystack(n); });
  var others = (data.not_drawn || []).map(function (d) {
    return { label: d[0], type: d[1], cited_by: d[2], search: fold([d[0]].concat(d[3] || []).join("\u0001")) };
  });

  function applySearch(select) {
    var query = fold(searchBox.value.trim());
    matches = query ? nodes.filter(function (n) { return n.search.indexOf(query) >= 0; }) : [];
    matches.sort(function (a, b) { // exact labels first, then documents, then the most important
      var ea = fold(a.label) === query ? 0 : 1, eb = fold(b.label) === query ? 0 : 1;
      if (ea !== eb) { return ea - eb; }
      var da = a.kind === "document" ? 0 : 1, db = b.kind === "document" ? 0 : 1;
      if (da !== db) { return da - db; }
      return (b.rank || 0) - (a.rank || 0);
    });
    var elsewhere = query ? others.filter(function (d) { return d.search.indexOf(query) >= 0; }) : [];
    resultsList.textContent = "";
    matches.slice(0, 100).forEach(function (n) {
      var item = el("li");
      item.setAttribute("data-id", n.id);
      item.appendChild(nodeLink(n));
      item.appendChild(el("span", "muted", " " + (n.kind === "document" ? n.type : "story") +
        (nodeShown(n) ? "" : " (hidden by a filter)")));
      resultsList.appendChild(item);
    });
    elsewhere.slice(0, 30).forEach(function (d) {
      resultsList.appendChild(el("li", "muted", d.label + " · " + d.type + " · not drawn on this page (export it with --focus)"));
    });
    statusLine.textContent = query ? matches.length + (matches.length === 1 ? " match" : " matches") +
      (elsewhere.length ? ", " + elsewhere.length + " not drawn" : "") : "";
    var shown = matches.filter(nodeShown);
    if (select && shown.length) {
      if (shown.length === 1 || fold(matches[0].label) === query) { focusNode(matches[0], false); }
      else {
        shown.slice(0, 200).forEach(function (n) { if (groupOf(n)) { expanded[n.group] = true; } });
        rebuild();
        fitNodes(shown.slice(0, 200).map(function (n) { return n.id; }));
      }
    } else if (select && !query) {
      fitAll();
    } else {
      renderer.refresh();
    }
    publishState();
  }

  // --- filter controls ---------------------------------------------------------------------------

  var confBox = document.getElementById("conf"), confValue = document.getElementById("conf-value");
  var fromBox = document.getElementById("from"), toBox = document.getElementById("to");
  var undatedBox = document.getElementById("undated"), storiesBox = document.getElementById("show-stories");
  var inForceBox = document.getElementById("in-force"), colorBox = document.getElementById("color-by");
  var viewButton = document.getElementById("view-toggle"), basisBox = document.getElementById("with-basis");

  function showControls() {
    confBox.value = String(filter.conf);
    confValue.textContent = filter.conf.toFixed(2);
    fromBox.value = filter.from === null ? "" : String(filter.from);
    toBox.value = filter.to === null ? "" : String(filter.to);
    if (data.years) { fromBox.placeholder = data.years[0]; toBox.placeholder = data.years[1]; }
    undatedBox.checked = filter.undated;
    storiesBox.checked = filter.stories;
    document.getElementById("stories-toggle").hidden = !hasStories || mode === "rollout";
    inForceBox.checked = filter.inForce;
    colorBox.value = colorBy;
    viewButton.hidden = !rollout;
    viewButton.textContent = mode === "rollout" ? "relations view" : "rollout view";
    document.getElementById("basis-toggle").hidden = mode !== "rollout";
    basisBox.checked = basis;
  }

  function refresh() {
    rebuild();
    if (mode === "rollout" && !selectedId) { showRollout(); }
    applySearch(false);
  }

  confBox.addEventListener("input", function () {
    filter.conf = parseFloat(confBox.value) || 0; confValue.textContent = filter.conf.toFixed(2); refresh();
  });
  fromBox.addEventListener("change", function () { filter.from = parseInt(fromBox.value, 10) || null; refresh(); });
  toBox.addEventListener("change", function () { filter.to = parseInt(toBox.value, 10) || null; refresh(); });
  undatedBox.addEventListener("change", function () { filter.undated = undatedBox.checked; refresh(); });
  storiesBox.addEventListener("change", function () { filter.stories = storiesBox.checked; refresh(); });
  inForceBox.addEventListener("change", function () { filter.inForce = inForceBox.checked; refresh(); });
  colorBox.addEventListener("change", function () { colorBy = colorBox.value; showLegend(); refresh(); });
  viewButton.addEventListener("click", function () { setMode(mode === "rollout" ? "graph" : "rollout"); });
  basisBox.addEventListener("change", function () { basis = basisBox.checked; setMode(mode); });
  document.getElementById("reset").addEventListener("click", function () {
    params = new URLSearchParams("");
    expanded = {};
    selectedId = null;
    resetFilter(); showControls(); showLegend(); refresh(); showOverview(); fitAll(); publishState();
  });

  // --- start -----------------------------------------------------------------------------------------

  document.getElementById("heading").textContent = data.heading;
  showControls();
  showLegend();
  showOverview();
  var searchTimer = null;
  searchBox.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { applySearch(true); }, 150);
  });
  if (mode === "graph" && data.focus.length && byId[data.focus[0]] && nodeShown(byId[data.focus[0]])) {
    selectedId = data.focus[0]; showNode(byId[data.focus[0]]);
  }
  renderer.refresh();
  var initial = params.get("q");
  if (initial) { searchBox.value = initial; applySearch(true); }
  openMs = Math.round(performance.now());
  publishState();
  document.body.setAttribute("data-open-ms", String(openMs));
  document.body.setAttribute("data-state", "ready");
})();
