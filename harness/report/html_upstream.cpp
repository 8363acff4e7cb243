#include "report/html_upstream.hpp"

#include "report/escape.hpp"
#include "report/upstream_flow.hpp"

namespace ac {

const char* kUpstreamFlowStyle = R"(
table.flow td{min-width:8rem}table.flow pre{max-height:16rem;margin:.2rem 0}
table.flow td.arrow{text-align:center;background:#fafafa;max-width:14rem}
table.flow td.arrow ul{text-align:left;margin:.3rem 0;padding-left:1rem}
table.flow .hop{font-weight:600;font-size:.85rem}
)";

namespace {

std::string esc(const std::string& text) { return html_escape(text); }

std::string body_pre(const std::string& body, std::size_t limit) {
  if (body.empty()) return "<p class=\"note\">no body</p>";
  return "<pre>" + esc(excerpt(body, limit)) + "</pre>";  // excerpt makes it valid UTF-8
}

// An arrow: what crosses it, then the findings placed on it.
std::string arrow(const std::string& label, const std::vector<const Finding*>& findings, int rows) {
  std::string out = "<td class=\"arrow\" rowspan=\"" + std::to_string(rows) + "\">&#8594;<br><span class=\"note\">" +
                    esc(label) + "</span>";
  if (!findings.empty()) {
    out += "<ul>";
    for (const Finding* f : findings) {
      const std::string sev = to_string(f->severity);
      out += "<li class=\"sev-" + sev + "\"><code>" + esc(excerpt(f->code, 200)) + "</code>: expected " +
             esc(excerpt(f->expected, 200)) + ", got " + esc(excerpt(f->actual, 200)) + "</li>";
    }
    out += "</ul>";
  }
  return out + "</td>";
}

}  // namespace

std::string html_upstream_flow(const Result& r, std::size_t body_bytes) {
  if (!r.upstream) return "";
  const UpstreamFlow flow = upstream_flow(r);
  const Exchange& x = r.exchange;
  const auto& forwarded = r.upstream->forwarded;
  const int rows = forwarded.empty() ? 1 : static_cast<int>(forwarded.size());
  std::string out = "<h5>Through the gateway</h5>\n<p class=\"note\">marker <code>" + esc(r.upstream->marker) +
                    "</code> · bodies as forwarded, the marker removed</p>\n<table class=\"flow\">\n<thead><tr>"
                    "<th>Client request</th><th></th><th>Gateway forwarded</th><th></th><th>Upstream reply</th>"
                    "<th></th><th>Gateway answer</th></tr></thead>\n<tbody>\n";
  const std::string client = "<td rowspan=\"" + std::to_string(rows) + "\"><div class=\"hop\">" + esc(flow.client) +
                             "</div>" + body_pre(x.request.body, body_bytes) + "</td>";
  const std::string answer = "<td rowspan=\"" + std::to_string(rows) + "\"><div class=\"hop\">" + esc(flow.answer) +
                             "</div>" + (x.status ? body_pre(x.body, body_bytes) : std::string()) + "</td>";
  const std::string inbound = arrow("translated", flow.inbound, rows);
  const std::string outbound = arrow("translated back", flow.outbound, rows);
  if (forwarded.empty()) {
    return out + "<tr>" + client + inbound +
           "<td colspan=\"3\"><p class=\"note\">nothing reached the upstream with this case's marker</p></td>" +
           outbound + answer + "</tr>\n</tbody>\n</table>\n";
  }
  for (std::size_t i = 0; i < forwarded.size(); ++i) {
    const ForwardedRequest& f = forwarded[i];
    const std::string attempt =
        forwarded.size() > 1 ? " (" + std::to_string(i + 1) + " of " + std::to_string(forwarded.size()) + ")" : "";
    out += "<tr>";
    if (i == 0) out += client + inbound;
    out += "<td><div class=\"hop\">" + esc(f.method + " " + f.path + attempt) + "</div>" +
           body_pre(f.body_unmarked.empty() ? f.body : f.body_unmarked, body_bytes) + "</td>";
    out += "<td class=\"arrow\">&#8594;</td><td><div class=\"hop\">" + esc(upstream_reply_label(f)) + "</div>" +
           body_pre(f.reply_body, body_bytes) + "</td>";
    if (i == 0) out += outbound + answer;
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string html_upstream_section(const ResultsFile& results) {
  if (!results.upstream) return "";
  const UpstreamRun& u = *results.upstream;
  std::string out = "<h2 id=\"upstream\">Upstream</h2>\n<p>The run's upstream spoke <strong>" + esc(u.dialect) +
                    "</strong> on <code>" + esc(u.listen) +
                    "</code>; each case's detail shows what went through the "
                    "gateway (docs/upstream.md).</p>\n";
  if (u.unmatched.empty()) return out + "<p class=\"note\">Every forwarded request carried a case's marker.</p>\n";
  out += "<p class=\"flag\">" + std::to_string(u.unmatched.size()) +
         " forwarded request(s) carried no marker of a case: the gateway sent requests of its own, or dropped "
         "the marker.</p>\n<table>\n<thead><tr><th>request</th><th>marker</th><th>body</th></tr></thead>\n<tbody>\n";
  for (const auto& m : u.unmatched) {
    out += "<tr><td><code>" + esc(m.method + " " + m.path) + "</code></td><td><code>" + esc(m.marker) +
           "</code></td><td>" + body_pre(m.body, 1024) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace ac
