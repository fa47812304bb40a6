#include "graph/html_writer.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "test_reports.h"

namespace lockscope::graph {
namespace {

namespace fs = std::filesystem;

std::string html_of(const report::Report& r) {
  std::ostringstream out;
  write_html(out, build_lock_graph(r));
  return out.str();
}

long count(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  return std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator());
}

TEST(HtmlWriter, EveryLockAndEdgeIsDrawnAndCycleEdgesAreMarked) {
  std::string html = html_of(testing::classic_inversion());
  EXPECT_EQ(count(html, "<g class=\"node[ \"]"), 3);
  EXPECT_EQ(count(html, "<g class=\"edge[ \"]"), 4);
  EXPECT_EQ(count(html, "<g class=\"edge cycle\""), 3);
  EXPECT_NE(html.find("data-lock=\"log&lt;&amp;&gt;\""), std::string::npos) << "names are escaped";
  EXPECT_NE(html.find(">bank.cpp:20 (T2)</textPath>"), std::string::npos) << "edges say where they were made";
  EXPECT_NE(html.find("<td><code>/src/bank.cpp:12:5</code></td>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://www.w3.org/2000/svg\""), html.find("http")) << "no external resource but the SVG namespace";
}

TEST(HtmlWriter, ADoubleLockIsARedSelfLoopAndCycleTitlesNameTheirKindOnce) {
  report::Report r;
  report::Finding relock = testing::static_double_lock("m", {"src/relock.cpp", 9, 3});
  report::Finding hang;
  hang.kind = "deadlock";
  hang.message = "deadlock: 2 threads are blocked, each waiting for a lock another holds";
  hang.edges = {{"x", "y", {"src/a.cpp", 3, 1}, "T1"}, {"y", "x", {"src/b.cpp", 4, 1}, "T2"}};
  r.findings = {relock, hang};
  std::string html = html_of(r);
  EXPECT_EQ(count(html, "<g class=\"node cycle\" data-lock=\"m\""), 1) << html;
  EXPECT_EQ(count(html, "<g class=\"edge cycle\" data-from=\"m\" data-to=\"m\""), 1) << html;
  EXPECT_NE(html.find(">relock.cpp:9</text>"), std::string::npos) << "the loop says where";
  EXPECT_EQ(html.find("deadlock: deadlock:"), std::string::npos);
  EXPECT_NE(html.find("</code> deadlock: 2 threads are blocked"), std::string::npos);
  EXPECT_NE(html.find("</code> double lock: &#39;m&#39; is acquired"), std::string::npos);
}

TEST(HtmlWriter, EmptyReportSaysSo) {
  std::string html = html_of(report::Report{});
  EXPECT_NE(html.find("no lock-order edges"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
}

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) return name;
  }
  return {};
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The page as a real browser parses it: what --dump-dom prints is the DOM after loading, so a
// page the HTML/SVG parser mangles (an unclosed element, a bad entity, a node outside the <svg>)
// shows up here even though the string checks above pass.
TEST(HtmlWriter, RendersInHeadlessChromium) {
  std::string chromium = find_chromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";
  fs::path dir = fs::temp_directory_path() / ("lockscope-html-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path page = dir / "graph.html";
  // The runtime's inversion and re-lock, and a double-lock as the static checker reports it (no edge).
  report::Report r = testing::classic_inversion();
  r.findings.push_back(testing::static_double_lock("m", {"src/relock.cpp", 9, 3}));
  std::ofstream(page) << html_of(r);
  fs::path dom = dir / "dom.html", err = dir / "stderr.txt", png = dir / "shot.png";
  const std::string flags = " --headless --no-sandbox --disable-gpu --disable-background-networking "
                            "--disable-component-update --no-first-run --disable-sync --user-data-dir=" +
                            (dir / "profile").string();
  // With logging on, every console message (a script error, a CSP violation) is a CONSOLE line.
  std::string cmd = "timeout 120 " + chromium + flags + " --enable-logging=stderr --v=0 --dump-dom file://" +
                    page.string() + " >" + dom.string() + " 2>" + err.string();
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd << "\n" << slurp(err);
  std::string shot = "timeout 120 " + chromium + flags + " --window-size=1000,900 --screenshot=" + png.string() +
                     " file://" + page.string() + " >/dev/null 2>>" + err.string();
  ASSERT_EQ(std::system(shot.c_str()), 0) << shot << "\n" << slurp(err);

  std::string text = slurp(dom);
  EXPECT_NE(text.find("<title>lockscope lock-order graph (4 locks, 5 edges, 4 on a cycle)</title>"), std::string::npos)
      << text;
  // Every lock, as a node inside the SVG, with its name as text.
  size_t svg_begin = text.find("<svg"), svg_end = text.find("</svg>");
  ASSERT_NE(svg_begin, std::string::npos) << text;
  ASSERT_NE(svg_end, std::string::npos);
  std::string svg = text.substr(svg_begin, svg_end - svg_begin);
  for (const char* name : {">mu_a</text>", ">mu_b</text>", ">log&lt;&amp;&gt;</text>", ">m</text>"})
    EXPECT_NE(svg.find(name), std::string::npos) << name << "\n" << svg;
  EXPECT_EQ(count(svg, "<g class=\"node"), 4);
  EXPECT_EQ(count(svg, "<g class=\"node cycle\""), 4);
  EXPECT_EQ(count(svg, "<g class=\"edge cycle\" data-from=\"m\" data-to=\"m\""), 1) << "a double-lock is a self-loop";
  EXPECT_EQ(count(svg, "<g class=\"edge cycle\" data-from=\"mu_a\" data-to=\"mu_b\""), 1);
  EXPECT_EQ(count(svg, "<g class=\"edge cycle\" data-from=\"mu_b\" data-to=\"mu_a\""), 1);
  EXPECT_EQ(count(svg, "<g class=\"edge\" data-from=\"mu_b\" data-to=\"log&lt;&amp;&gt;\""), 1);
  EXPECT_EQ(slurp(err).find(":CONSOLE"), std::string::npos) << "the page logged to the console:\n" << slurp(err);
  // A PNG signature and some size: the page painted.
  std::string image = slurp(png);
  ASSERT_GT(image.size(), 1000u);
  EXPECT_EQ(image.substr(1, 3), "PNG");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace lockscope::graph
