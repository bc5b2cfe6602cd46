// How long mimalloc keeps memory that was freed before it gives it back to
// the system: part of the programs that link mimalloc (CMakeLists.txt,
// veille_use_mimalloc), not of the library.
//
// mimalloc's default is 25 ms. Storing frees memory by the megabyte and
// wants it back at once: every commit frees the full-text indexes' pending
// terms (up to 16 MB an index) and each article's row once written, and the
// next rows and terms are made a moment later. Given back after 25 ms, those
// pages came back zeroed by the kernel, one page fault at a time: 770,000
// faults for 40,000 articles. Kept for a second (five for whole segments),
// 200,000, and storing ran 15-24% faster into an empty archive and 7-10%
// faster into one of 1.4 million, for 100-150 MB more at the peak
// (docs/ARCHITECTURE.md, Known limits). Memory left unused for longer
// still goes back. MIMALLOC_DECOMMIT_DELAY and MIMALLOC_SEGMENT_DECOMMIT_DELAY
// in the environment still win.

#include <mimalloc.h>

namespace {

struct AllocatorOptions {
  AllocatorOptions() {
    mi_option_set_default(mi_option_decommit_delay, 1000);          // ms
    mi_option_set_default(mi_option_segment_decommit_delay, 5000);  // ms
  }
};

const AllocatorOptions allocator_options;

}  // namespace
