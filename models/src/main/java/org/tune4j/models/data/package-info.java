/**
 * Images as users have them: the in-memory {@link org.tune4j.models.data.ImageSet}; readers for
 * IDX ((Fashion-)MNIST), the CIFAR-10/100 binary versions ({@link org.tune4j.models.data.Cifar}),
 * image folders and CSV lists of image files; published data sets found in a cache or downloaded
 * and verified ({@link org.tune4j.models.data.Datasets}, {@link org.tune4j.models.data.Downloader});
 * the embedded Fashion-MNIST sample; pixel transforms and ImageNet preprocessing modes.
 */
package org.tune4j.models.data;
