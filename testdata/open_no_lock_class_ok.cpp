// A class with no lock at all: nothing says it is meant to be shared, so nothing is reported.
// lockscope-test: no-run
class Tally {
 public:
  void add(int n) { total_ += n; ++count_; }
  void reset() { total_ = 0; count_ = 0; }
  int total() const { return total_; }

 private:
  int total_ = 0;
  int count_ = 0;
};

Tally* make_tally() { return new Tally(); }
