#include "extract/source_quote.h"

#include <gtest/gtest.h>

namespace lockscope::extract {
namespace {

TEST(SourceQuote, SeveralLinesBecomeOne) {
  EXPECT_EQ(quote_source("mhd_panic (mhd_panic_cls,\n             __FILE__,   // where\n             __LINE__)"),
            "mhd_panic (mhd_panic_cls, __FILE__, __LINE__)");
  EXPECT_EQ(quote_source("ops->\n\t/* the hook */ run"), "ops-> run");
}

TEST(SourceQuote, LiteralsKeepTheirSpaces) {
  EXPECT_EQ(quote_source("log(\"a  //  b\",\n  '\\'')"), "log(\"a  //  b\", '\\'')");
}

TEST(SourceQuote, LongTextIsCutBetweenTokens) {
  std::string text = "daemon->connection_handlers[index].callbacks.on_request_completed_notification";
  std::string q = quote_source(text, 60);
  EXPECT_LE(q.size(), 60u);
  EXPECT_EQ(q, "daemon->connection_handlers[index].callbacks. ...");
  EXPECT_EQ(quote_source(std::string(100, 'x'), 20), std::string(16, 'x') + " ...");
}

}  // namespace
}  // namespace lockscope::extract
