package org.tune4j.models.finetune;

import java.util.List;
import java.util.Objects;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.backbone.ResNetBlocks;

/**
 * Which backbone blocks a fine-tune trains: the top {@code n} Keras blocks ({@link #topBlocks}, 1 =
 * {@code conv5_block3} in ResNet50) or a whole stage ({@link #stage}, e.g. {@code conv5}) — always a run of blocks
 * that ends at the top, since a trained block needs every block above it trained too. Immutable and thread-safe.
 *
 * <pre>{@code
 * Unfreeze top = Unfreeze.topBlocks(1);
 * int first = Unfreeze.stage("conv5").firstBlock(ResNetArchitecture.resnet50());   // 13: conv5_block1
 * }</pre>
 */
public sealed interface Unfreeze {
  /** The top {@code count} blocks, at least 1. */
  static Unfreeze topBlocks(int count) {
    return new TopBlocks(count);
  }

  /** Every block of stage {@code name} and of the stages above it ({@code conv2} … {@code conv5}). */
  static Unfreeze stage(String name) {
    return new Stage(name);
  }

  /**
   * The index (0-based, in {@link ResNetBlocks#names} order) of the lowest block trained.
   *
   * @throws IllegalArgumentException when the backbone has fewer blocks or no such stage, saying what it has
   */
  int firstBlock(ResNetArchitecture arch);

  /** The text form a job file uses: the count, or the stage name. */
  String describe();

  /**
   * The top {@code count} blocks.
   *
   * @param count blocks from the top, at least 1
   */
  record TopBlocks(int count) implements Unfreeze {
    /** Validates the count. */
    public TopBlocks {
      if (count < 1) {
        throw new IllegalArgumentException("blocks = " + count + " must be at least 1 (1 = the top block, e.g."
            + " conv5_block3 of ResNet50), or name a stage such as conv5");
      }
    }

    @Override
    public int firstBlock(ResNetArchitecture arch) {
      List<String> names = ResNetBlocks.names(arch);
      if (count > names.size()) {
        throw new IllegalArgumentException("blocks = " + count + " but " + arch.name() + " has " + names.size()
            + " blocks (" + names.get(0) + " … " + names.get(names.size() - 1) + "); give 1.." + names.size());
      }
      return names.size() - count;
    }

    @Override
    public String describe() {
      return Integer.toString(count);
    }
  }

  /**
   * A stage and the stages above it.
   *
   * @param name the Keras stage name, {@code conv2} or above
   */
  record Stage(String name) implements Unfreeze {
    /** Requires a name. */
    public Stage {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public int firstBlock(ResNetArchitecture arch) {
      List<String> names = ResNetBlocks.names(arch);
      int first = names.indexOf(name + "_block1");
      if (first < 0) {
        int stages = arch.blocksPerStage().size();
        throw new IllegalArgumentException("stage \"" + name + "\" is not a stage of " + arch.name() + "; choose from "
            + ResNetBlocks.stageName(0) + " … " + ResNetBlocks.stageName(stages - 1) + ", or give a number of blocks");
      }
      return first;
    }

    @Override
    public String describe() {
      return name;
    }
  }
}
