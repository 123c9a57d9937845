package org.tune4j.tuning.search.bayes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.NumericType;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.QualitativeParameter;

/**
 * Maps a parameter set's candidate values to points on {@code [0, 1]^d} and back, as tune's
 * {@code encode_set()} with dials' {@code encode_unit()} do before fitting the Gaussian process.
 *
 * <p>A numeric parameter is put on its transformed scale (log10 for {@code learn_rate}) and then
 * on {@code [0, 1]} by its possible range, not the observed one: {@code (t - lower) / (upper -
 * lower)}. Going back, dials' {@code encode_unit(direction = "backward")} rules apply: the
 * position is spread over the transformed range, back-transformed, and integers are rounded
 * (R's {@code round}, half to even). A qualitative parameter with {@code k} values encodes value
 * {@code i} (0-based) as {@code i / (k - 1)}; going back, {@code [0, 1]} is cut into {@code k}
 * equal bins ({@code cut(include.lowest = TRUE)}). tune 2.x hands qualitative columns to GauPro
 * as factors, so {@link GaussianProcess} treats these coordinates as levels through
 * {@link #levelIndex}, with a correlation per pair of levels, not as distances.
 *
 * <p>Two deliberate differences from dials: a qualitative parameter with one value encodes as
 * 0 (dials divides 0 by 0), and a decoded value that would fall on an excluded end or just
 * outside the range (rounding) is moved to the nearest allowed value, so {@link #decode} always
 * gives values the parameters {@link Parameter#allows allow}. Immutable and thread-safe.
 *
 * <pre>{@code
 * UnitEncoding enc = UnitEncoding.of(ParameterSet.of(Parameters.learnRate(),
 *     Parameters.hiddenUnits(), Parameters.activation()));
 * UnitPoint p = enc.encode(Map.of("learn_rate", 1e-4, "hidden_units", 4, "activation", "relu"));
 * Map<String, Object> values = enc.decode(p);  // learn_rate=1.0E-4, hidden_units=4, ...
 * }</pre>
 */
public final class UnitEncoding {

  private final ParameterSet parameters;

  private UnitEncoding(ParameterSet parameters) {
    this.parameters = parameters;
  }

  /**
   * The encoding of {@code parameters}.
   *
   * @throws IllegalArgumentException if the set is null or empty
   */
  public static UnitEncoding of(ParameterSet parameters) {
    if (parameters == null || parameters.size() == 0) {
      throw new IllegalArgumentException("parameters are " + parameters
          + "; give a parameter set with at least one parameter");
    }
    return new UnitEncoding(parameters);
  }

  /** The parameter set, whose order is the coordinate order. */
  public ParameterSet parameters() {
    return parameters;
  }

  /** The number of coordinates, one per parameter. */
  public int dimension() {
    return parameters.size();
  }

  /** Whether coordinate {@code j} is a qualitative parameter. */
  public boolean isQualitative(int j) {
    return parameters.get(j) instanceof QualitativeParameter;
  }

  /** The number of values of qualitative coordinate {@code j}; 0 for a numeric one. */
  public int levelCount(int j) {
    return parameters.get(j) instanceof QualitativeParameter q ? q.values().size() : 0;
  }

  /**
   * The level (0-based) that position {@code u} of qualitative coordinate {@code j} decodes to:
   * the bin of {@code u} among {@code k} equal bins of {@code [0, 1]}, the first one closed.
   */
  public int levelIndex(int j, double u) {
    int k = levelCount(j);
    if (k == 0) {
      throw new IllegalArgumentException("coordinate " + j + " (\"" + parameters.get(j).id()
          + "\") is numeric; levels exist for qualitative parameters only");
    }
    return Math.min(k - 1, Math.max(0, (int) Math.ceil(u * k) - 1));
  }

  /**
   * The point of a candidate's values, given by parameter id.
   *
   * @throws IllegalArgumentException if the ids differ from the parameters' or a value is not
   *     allowed, naming the parameter and the allowed values
   */
  public UnitPoint encode(Map<String, ?> values) {
    if (values == null || !values.keySet().equals(Set.copyOf(parameters.ids()))) {
      throw new IllegalArgumentException("values have ids " + (values == null ? null
          : values.keySet()) + "; give exactly one value for each of: "
          + String.join(", ", parameters.ids()));
    }
    double[] u = new double[dimension()];
    for (int j = 0; j < dimension(); j++) {
      Parameter p = parameters.get(j);
      Object value = values.get(p.id());
      if (!p.allows(value)) {
        throw new IllegalArgumentException("value " + value + " of parameter \"" + p.id()
            + "\" is not allowed; give one of: " + p.describeValues());
      }
      u[j] = p instanceof NumericParameter n
          ? encodeNumeric(n, ((Number) value).doubleValue())
          : encodeLevel(((QualitativeParameter) p).values().indexOf(value), levelCount(j));
    }
    return UnitPoint.of(u);
  }

  /** The point of a grid candidate; see {@link #encode(Map)}. */
  public UnitPoint encode(Candidate candidate) {
    return encode(candidate.values());
  }

  /**
   * The parameter values at {@code point}, by id in parameter order: {@code Double} for double
   * parameters, {@code Integer} for integer ones, {@code String} for qualitative ones.
   *
   * @throws IllegalArgumentException if the point's dimension is not {@link #dimension()}
   */
  public Map<String, Object> decode(UnitPoint point) {
    checkDimension(point);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int j = 0; j < dimension(); j++) {
      Parameter p = parameters.get(j);
      Object value = p instanceof NumericParameter n
          ? decodeNumeric(n, point.get(j))
          : ((QualitativeParameter) p).values().get(levelIndex(j, point.get(j)));
      values.put(p.id(), value);
    }
    return Collections.unmodifiableMap(values);
  }

  /** {@code encode(decode(point))}: the point of the candidate that {@code point} stands for. */
  public UnitPoint snap(UnitPoint point) {
    return encode(decode(point));
  }

  void checkDimension(UnitPoint point) {
    if (point == null || point.dimension() != dimension()) {
      throw new IllegalArgumentException("point " + point + " has " + (point == null ? 0
          : point.dimension()) + " coordinates; give " + dimension() + " (one per parameter: "
          + String.join(", ", parameters.ids()) + ")");
    }
  }

  private static double encodeNumeric(NumericParameter p, double value) {
    double width = p.upper() - p.lower();
    if (width == 0) {
      return 0.0;
    }
    double u = (p.transform().apply(value) - p.lower()) / width;
    return Math.max(0.0, Math.min(1.0, u));
  }

  private static double encodeLevel(int index, int count) {
    return count == 1 ? 0.0 : (double) index / (count - 1);
  }

  private static Object decodeNumeric(NumericParameter p, double u) {
    double t = p.lower() + u * (p.upper() - p.lower());
    double v = p.transform().inverse(t);
    if (p.type() == NumericType.INTEGER) {
      int lo = smallestWhole(p);
      int hi = largestWhole(p);
      return (int) Math.max(lo, Math.min(hi, Math.rint(v)));
    }
    if (p.allows(v)) {
      return v;
    }
    boolean nearLower = t - p.lower() <= p.upper() - t;
    double end = nearLower ? p.lowerValue() : p.upperValue();
    double inside = nearLower ? Math.nextUp(end) : Math.nextDown(end);
    if (p.allows(end)) {
      return end;
    }
    if (p.allows(inside)) {
      return inside;
    }
    throw new IllegalStateException("cannot decode " + u + " for parameter \"" + p.id()
        + "\" with range " + p.describeValues());
  }

  private static int smallestWhole(NumericParameter p) {
    int c = (int) Math.ceil(p.lowerValue()) - 1;
    while (!p.allows(c)) {
      c++;
    }
    return c;
  }

  private static int largestWhole(NumericParameter p) {
    int c = (int) Math.floor(p.upperValue()) + 1;
    while (!p.allows(c)) {
      c--;
    }
    return c;
  }
}
