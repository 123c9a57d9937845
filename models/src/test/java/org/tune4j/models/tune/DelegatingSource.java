package org.tune4j.models.tune;

import org.tune4j.models.source.ForwardingSource;
import org.tune4j.models.source.ImageSource;

/** A source that passes every call to another: tests override the calls they change. */
class DelegatingSource extends ForwardingSource {
  DelegatingSource(ImageSource base) {
    super(base);
  }
}
