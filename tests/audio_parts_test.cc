// A cue's sentences: how its words are cut, how the spoken sentences are
// joined again (at whole frames, as their Opus pieces are), and the worker
// processes that speak and encode them with the real flite and libopus.
#include <gtest/gtest.h>

#include "audio/opus_piece.h"
#include "audio/speech_parts.h"

namespace plantar::audio {
namespace {

TEST(Sentences, CutAtTheEndOfEachSentence) {
  using V = std::vector<std::string>;
  EXPECT_EQ(sentences_of("Toe spread. Work on the toes. Light, no ache."),
            (V{"Toe spread.", "Work on the toes.", "Light, no ache."}));
  EXPECT_EQ(sentences_of("Ready? Go!  Now 3 more. 2 to go."),
            (V{"Ready?", "Go!", "Now 3 more.", "2 to go."}));
  EXPECT_EQ(sentences_of("Three."), (V{"Three."}));
  EXPECT_EQ(sentences_of("about 1.5 times, e.g. like this"), (V{"about 1.5 times, e.g. like this"}));
  EXPECT_EQ(sentences_of("   "), V{});
  EXPECT_EQ(sentences_of(""), V{});
}

TEST(Sentences, JoinAtWholeFramesLikeTheirPieces) {
  std::vector<float> a(1000, 0.5f), b(700, -0.25f);
  auto joined = join_sentences({&a, &b});
  std::size_t b_at = frames_for(a.size()) * frame_input;
  ASSERT_EQ(joined.size(), b_at + b.size());
  EXPECT_EQ(joined[999], 0.5f);
  EXPECT_EQ(joined[1000], 0.0f);  // silence to the next frame
  EXPECT_EQ(joined[b_at], -0.25f);
  EXPECT_EQ(b_at % frame_input, 0u);
  // The joined sound takes the frames of its pieces one after the other.
  EXPECT_EQ(frames_for(joined.size()), frames_for(a.size()) + frames_for(b.size()));
  EXPECT_TRUE(join_sentences({}).empty());
}

TEST(Sentences, WorkersSpeakAndEncodeEveryTextOnce) {
  std::vector<std::string> texts{"Light, no ache.", "Three.", "Work on the arch of your left foot.",
                                 "Ten seconds left."};
  int last = 0;
  auto spoken = speak_parts(
      texts, {}, 2,
      [&](int done, int total) {
        EXPECT_EQ(total, 4);
        EXPECT_GT(done, last);  // counted as they come back
        last = done;
      },
      true);
  ASSERT_EQ(spoken.size(), texts.size());
  EXPECT_EQ(last, 4);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_GT(spoken[i].samples.size(), 3000u) << texts[i];
    EXPECT_EQ(spoken[i].piece.packets.size(), frames_for(spoken[i].samples.size())) << texts[i];
    EXPECT_EQ(spoken[i].samples.front(), 0.0f) << "faded in: " << texts[i];
  }
  // The longest text is the longest sound: results come back to their own index.
  EXPECT_GT(spoken[2].samples.size(), spoken[1].samples.size() * 2);
  auto plain = speak_parts({"Three."}, {}, 1, {}, false);
  EXPECT_TRUE(plain[0].piece.packets.empty());
}

}  // namespace
}  // namespace plantar::audio
