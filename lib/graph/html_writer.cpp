#include "graph/html_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <set>

namespace lockscope::graph {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kCharWidth = 7.5;  // monospace 13px, wide enough for most fonts
constexpr double kNodeHeight = 30;

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The short form on the picture; the table below has full paths.
std::string short_site(const EdgeSite& s) {
  std::string text = s.location.file.empty() ? "?" : base_name(s.location.file) + ":" + std::to_string(s.location.line);
  if (!s.thread.empty()) text += " (" + s.thread + ")";
  return text;
}

struct Point {
  double x, y;
};

struct Layout {
  double width, height;
  std::vector<Point> centers;
  std::vector<double> half_widths;
};

// Locks evenly on a circle big enough that neighbouring boxes do not touch.
Layout lay_out(const LockGraph& g) {
  Layout l;
  const size_t n = g.nodes.size();
  double widest = 40;
  for (const auto& node : g.nodes) {
    double hw = std::max(30.0, node.name.size() * kCharWidth / 2 + 12);
    l.half_widths.push_back(hw);
    widest = std::max(widest, hw);
  }
  // Neighbours on the circle are a chord apart: long enough for the longest edge label.
  size_t longest_label = 0;
  for (const auto& e : g.edges)
    for (const EdgeSite& site : e.sites) longest_label = std::max(longest_label, short_site(site).size() + 4);
  double chord = std::max(2 * widest + 40, longest_label * 6.6 + 2 * widest);
  double radius = n <= 1 ? 0 : std::max(160.0, chord / (2 * std::sin(kPi / static_cast<double>(n))));
  double margin = widest + 120;  // room for boxes and edge labels outside the circle
  l.width = 2 * (radius + margin);
  l.height = 2 * (radius + 90) + 60;
  const double cx = l.width / 2, cy = l.height / 2;
  // The locks of one cycle sit next to each other, so its arrows run around the rim instead of
  // crossing the picture.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return g.nodes[a].component < g.nodes[b].component; });
  l.centers.resize(n);
  for (size_t slot = 0; slot < n; ++slot) {
    double angle = -kPi / 2 + 2 * kPi * static_cast<double>(slot) / static_cast<double>(n);
    l.centers[order[slot]] = {cx + radius * std::cos(angle), cy + radius * std::sin(angle)};
  }
  return l;
}

// Where the segment from the center of a box towards `toward` leaves the box.
Point box_exit(Point center, double half_width, Point toward) {
  double dx = toward.x - center.x, dy = toward.y - center.y;
  double tx = dx == 0 ? 1e9 : half_width / std::abs(dx);
  double ty = dy == 0 ? 1e9 : (kNodeHeight / 2) / std::abs(dy);
  double t = std::min({tx, ty, 1.0});
  return {center.x + dx * t, center.y + dy * t};
}

void write_edge(std::ostream& out, const LockGraph& g, const Layout& l, const LockGraph::Edge& e, size_t id,
                bool has_reverse) {
  const std::string cls = e.in_cycle ? "edge cycle" : "edge";
  const std::string marker = e.in_cycle ? "url(#arrow-cycle)" : "url(#arrow)";
  std::string title = g.nodes[e.to].name + " taken while holding " + g.nodes[e.from].name;
  for (const EdgeSite& s : e.sites) title += "\n  at " + describe(s.location) + (s.thread.empty() ? "" : " (" + s.thread + ")");
  std::string label = e.sites.empty() ? "" : short_site(e.sites.front());
  if (e.sites.size() > 1) label += " +" + std::to_string(e.sites.size() - 1);

  out << "<g class=\"" << cls << "\" data-from=\"" << esc(g.nodes[e.from].name) << "\" data-to=\""
      << esc(g.nodes[e.to].name) << "\"><title>" << esc(title) << "</title>";
  Point a = l.centers[e.from], b = l.centers[e.to];
  if (e.from == e.to) {
    // A re-lock: a loop above the box, labelled above the loop.
    double hw = l.half_widths[e.from];
    Point s{a.x - hw / 2, a.y - kNodeHeight / 2}, t{a.x + hw / 2, a.y - kNodeHeight / 2};
    out << "<path d=\"M" << num(s.x) << ',' << num(s.y) << " C" << num(s.x - 20) << ',' << num(s.y - 60) << ' '
        << num(t.x + 20) << ',' << num(t.y - 60) << ' ' << num(t.x) << ',' << num(t.y) << "\" marker-end=\"" << marker
        << "\"/><text class=\"site\" x=\"" << num(a.x) << "\" y=\"" << num(a.y - kNodeHeight / 2 - 52) << "\">"
        << esc(label) << "</text></g>\n";
    return;
  }
  // Opposite edges bow to their own side so both stay visible.
  double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
  double bow = has_reverse ? 55 : 0;
  Point mid{(a.x + b.x) / 2 - dy / len * bow, (a.y + b.y) / 2 + dx / len * bow};
  Point s = box_exit(a, l.half_widths[e.from], mid), t = box_exit(b, l.half_widths[e.to], mid);
  out << "<path d=\"M" << num(s.x) << ',' << num(s.y) << " Q" << num(mid.x) << ',' << num(mid.y) << ' ' << num(t.x)
      << ',' << num(t.y) << "\" marker-end=\"" << marker << "\"/>";
  // The label runs along the edge (labels at midpoints pile up in the middle of the circle),
  // on a copy of the curve drawn left to right so the text is never upside down.
  Point p0 = s.x <= t.x ? s : t, p1 = s.x <= t.x ? t : s;
  out << "<path id=\"site-path-" << id << "\" class=\"site-path\" d=\"M" << num(p0.x) << ',' << num(p0.y) << " Q"
      << num(mid.x) << ',' << num(mid.y) << ' ' << num(p1.x) << ',' << num(p1.y) << "\"/>"
      << "<text class=\"site\" dy=\"-5\"><textPath href=\"#site-path-" << id
      << "\" startOffset=\"50%\">" << esc(label) << "</textPath></text></g>\n";
}

void write_svg(std::ostream& out, const LockGraph& g) {
  Layout l = lay_out(g);
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"lock-order graph\" width=\"" << num(l.width)
      << "\" height=\"" << num(l.height) << "\" viewBox=\"0 0 " << num(l.width) << ' ' << num(l.height) << "\">\n"
      << "<defs>"
      << "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#666\"/></marker>"
      << "<marker id=\"arrow-cycle\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#d00\"/></marker>"
      << "</defs>\n";
  std::set<std::pair<size_t, size_t>> present;
  for (const auto& e : g.edges) present.insert({e.from, e.to});
  // Plain edges first so cycle edges are drawn on top.
  for (bool cycle_pass : {false, true})
    for (size_t i = 0; i < g.edges.size(); ++i) {
      const auto& e = g.edges[i];
      if (e.in_cycle == cycle_pass) write_edge(out, g, l, e, i, e.from != e.to && present.count({e.to, e.from}));
    }
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const auto& n = g.nodes[i];
    Point c = l.centers[i];
    double hw = l.half_widths[i];
    out << "<g class=\"" << (n.in_cycle ? "node cycle" : "node") << "\" data-lock=\"" << esc(n.name) << "\"><rect x=\""
        << num(c.x - hw) << "\" y=\"" << num(c.y - kNodeHeight / 2) << "\" width=\"" << num(2 * hw) << "\" height=\""
        << num(kNodeHeight) << "\" rx=\"8\"/><text x=\"" << num(c.x) << "\" y=\"" << num(c.y + 4.5) << "\">"
        << esc(n.name) << "</text></g>\n";
  }
  out << "</svg>\n";
}

constexpr const char* kStyle = R"(body{font-family:system-ui,sans-serif;margin:24px;color:#222}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
.summary{color:#555}
svg{border:1px solid #ddd;border-radius:6px;background:#fcfcfc;max-width:100%;height:auto}
.node rect{fill:#eef3fb;stroke:#345;stroke-width:1.2}
.node.cycle rect{fill:#fdecec;stroke:#d00;stroke-width:2}
.node text{font:13px monospace;text-anchor:middle;fill:#111}
.edge path{fill:none;stroke:#888;stroke-width:1.4}
.edge path.site-path{stroke:none}
.edge.cycle path{stroke:#d00;stroke-width:2.6}
.edge text.site{font:11px monospace;text-anchor:middle;fill:#555;paint-order:stroke;stroke:#fcfcfc;stroke-width:3px}
.edge.cycle text.site{fill:#a00}
.edge:hover path{stroke-width:4}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}
tr.cycle td{color:#a00}code{font-family:monospace})";

}  // namespace

void write_html(std::ostream& out, const LockGraph& g) {
  size_t cycle_edges = std::count_if(g.edges.begin(), g.edges.end(), [](const auto& e) { return e.in_cycle; });
  std::string summary = std::to_string(g.nodes.size()) + (g.nodes.size() == 1 ? " lock, " : " locks, ") +
                        std::to_string(g.edges.size()) + (g.edges.size() == 1 ? " edge, " : " edges, ") +
                        std::to_string(cycle_edges) + " on a cycle";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>lockscope lock-order graph (" << esc(summary) << ")</title>\n<style>" << kStyle << "</style>\n"
      << "</head>\n<body>\n<h1>Lock-order graph</h1>\n<p class=\"summary\">"
      << (g.source.empty() ? "" : esc(g.source) + " report: ") << esc(summary)
      << ". An arrow from <code>A</code> to <code>B</code> means <code>B</code> was taken while "
         "<code>A</code> was held; red arrows form cycles (possible deadlocks).</p>\n";
  if (g.nodes.empty()) {
    out << "<p>The report has no lock-order edges.</p>\n";
  } else {
    write_svg(out, g);
  }
  if (!g.cycles.empty()) {
    out << "<h2>Cycles</h2>\n<ul class=\"cycles\">\n";
    for (const auto& c : g.cycles)
      out << "<li><code>" << esc(describe(c.location)) << "</code> " << esc(cycle_title(c)) << "</li>\n";
    out << "</ul>\n";
  }
  if (!g.edges.empty()) {
    out << "<h2>Edges</h2>\n<table class=\"edges\">\n<tr><th>held</th><th>taken</th><th>where</th><th>thread</th></tr>\n";
    for (const auto& e : g.edges)
      for (const EdgeSite& s : e.sites)
        out << "<tr" << (e.in_cycle ? " class=\"cycle\"" : "") << "><td><code>" << esc(g.nodes[e.from].name)
            << "</code></td><td><code>" << esc(g.nodes[e.to].name) << "</code></td><td><code>"
            << esc(describe(s.location)) << "</code></td><td>" << esc(s.thread) << "</td></tr>\n";
    out << "</table>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace lockscope::graph
