package org.tune4j.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code tune4j demo}, parsed from its arguments.
 *
 * @param trainPerClass training images per class (the vignette: 50 × 10 = 500)
 * @param testPerClass test images per class (the vignette: 10 × 10 = 100)
 * @param epochs training epochs
 * @param weights a Keras weights file, when given
 * @param seed the seed of random weights, shuffling and the head's initial weights
 */
record DemoOptions(int trainPerClass, int testPerClass, int epochs, Optional<Path> weights, long seed) {

  static final String HELP = String.join(System.lineSeparator(),
      "Usage: tune4j demo --vignette [--weights FILE.h5] [--train-per-class N] [--test-per-class N] [--epochs N] [--seed N]",
      "",
      "With --vignette: fits kerasnip's transfer-learning vignette on the embedded Fashion-MNIST sample: a frozen",
      "ResNet50 without its top, a flatten + softmax head, 5 epochs, validation split 0.2, then",
      "scores 100 held-out test images.",
      "",
      "  --weights FILE.h5      Keras ResNet50 notop weights (default: ~/.keras/models/",
      "                         resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5 if present,",
      "                         else random frozen weights)",
      "  --train-per-class N    training images per class, 1..200 (default 50: 500 images)",
      "  --test-per-class N     test images per class, 1..50 (default 10: 100 images)",
      "  --epochs N             epochs (default 5)",
      "  --seed N               seed (default 42)",
      "");

  static DemoOptions parse(List<String> args) {
    int train = 50;
    int test = 10;
    int epochs = 5;
    Path weights = null;
    long seed = 42;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--weights" -> weights = Path.of(value(args, ++i, a));
        case "--train-per-class" -> train = intIn(value(args, ++i, a), a, 1, 200);
        case "--test-per-class" -> test = intIn(value(args, ++i, a), a, 1, 50);
        case "--epochs" -> epochs = intIn(value(args, ++i, a), a, 1, 10_000);
        case "--seed" -> seed = longOf(value(args, ++i, a), a);
        default -> throw new IllegalArgumentException("unknown option \"" + a + "\"; options are --weights,"
            + " --train-per-class, --test-per-class, --epochs, --seed (see tune4j demo --help)");
      }
    }
    return new DemoOptions(train, test, epochs, Optional.ofNullable(weights), seed);
  }

  static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  static int intIn(String s, String option, int min, int max) {
    long v = longOf(s, option);
    if (v < min || v > max) {
      throw new IllegalArgumentException(option + " " + s + " is outside " + min + ".." + max);
    }
    return (int) v;
  }

  static long longOf(String s, String option) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " \"" + s + "\" is not a whole number", e);
    }
  }
}
