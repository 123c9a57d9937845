package org.tune4j.tuning.results;

import java.util.Comparator;

/**
 * Orders ids such as {@code Model2} before {@code Model10} and {@code Fold9} before
 * {@code Fold10}: runs of digits compare by number, other text by code point. Ids that compare
 * equal that way ({@code Model1}, {@code Model01}) fall back to plain text order, so the
 * order is total. Stateless and thread-safe.
 */
final class ConfigOrder implements Comparator<String> {

  static final ConfigOrder INSTANCE = new ConfigOrder();

  private ConfigOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (isDigit(x) && isDigit(y)) {
        int ei = end(a, i);
        int ej = end(b, j);
        int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int end(String s, int start) {
    int k = start;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  private static int compareNumbers(String x, String y) {
    String a = x.replaceFirst("^0+(?=.)", "");
    String b = y.replaceFirst("^0+(?=.)", "");
    int c = Integer.compare(a.length(), b.length());
    return c != 0 ? c : a.compareTo(b);
  }
}
