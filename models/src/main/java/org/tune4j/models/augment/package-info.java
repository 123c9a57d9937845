/**
 * Data augmentation as cached views: Keras-style random preprocessing transforms on CHW float
 * pixels ({@link org.tune4j.models.augment.RandomFlip}, {@link org.tune4j.models.augment.RandomCrop},
 * {@link org.tune4j.models.augment.RandomRotation}, {@link org.tune4j.models.augment.RandomZoom},
 * {@link org.tune4j.models.augment.RandomContrast}, {@link org.tune4j.models.augment.RandomBrightness}),
 * and {@link org.tune4j.models.augment.Augmentation}: K seeded random views per image, each a pure
 * function of (seed, image content, view id), so every view is featurized once and cached.
 */
package org.tune4j.models.augment;
