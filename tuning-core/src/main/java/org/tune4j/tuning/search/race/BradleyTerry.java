package org.tune4j.tuning.search.race;

import java.util.List;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Bradley–Terry model {@code logit P(a beats b) = λ_a − λ_b} fitted by Firth's penalized
 * maximum likelihood, as {@code BradleyTerry2::BTm(..., br = TRUE)} does through
 * {@code brglm}: the abilities solve the modified score
 * {@code Σ_c x_c (y_c − m_c π_c + h_c (1/2 − π_c)) = 0}, with {@code h_c} the leverages of the
 * weighted design, by Fisher scoring with step halving on the penalized log-likelihood
 * {@code ℓ(λ) + ½ log|I(λ)|}. Unlike plain maximum likelihood, the estimates stay finite when a
 * player wins (or loses) all its contests. Standard errors are {@code sqrt(diag(I⁻¹))} with the
 * information {@code I = Σ_c m_c π_c (1 − π_c) x_c x_c'} at the estimates, as brglm's summary.
 * The reference player's ability is 0. Stateless.
 */
final class BradleyTerry {

  private static final int MAX_ITERATIONS = 500;
  private static final double SCORE_TOLERANCE = 1e-15;
  private static final double STEP_TOLERANCE = 1e-15;
  private static final int MAX_HALVINGS = 30;

  private BradleyTerry() {}

  /**
   * A contest series between players {@code a} and {@code b}.
   *
   * @param winsA games won by {@code a} (ties count a half to each)
   * @param games games played
   */
  record Contest(int a, int b, double winsA, double games) {}

  /**
   * Abilities relative to the reference and their standard errors (0 for the reference).
   *
   * @param ability λ by player index
   * @param stdErr standard errors by player index
   */
  record Fit(double[] ability, double[] stdErr) {}

  /**
   * Fits the abilities of {@code players} players with {@code reference} fixed at 0; null when
   * the contests do not connect all players (the information matrix is singular).
   */
  static Fit fit(int players, int reference, List<Contest> contests) {
    int p = players - 1;
    double[][] x = new double[contests.size()][p];
    for (int c = 0; c < contests.size(); c++) {
      Contest t = contests.get(c);
      if (t.a() != reference) {
        x[c][column(t.a(), reference)] = 1;
      }
      if (t.b() != reference) {
        x[c][column(t.b(), reference)] = -1;
      }
    }
    double[] lambda = new double[p];
    State s = State.at(x, contests, lambda);
    if (s == null) {
      return null;
    }
    double games = 0;
    for (Contest c : contests) {
      games += c.games();
    }
    double tolerance = SCORE_TOLERANCE * (1 + games);
    for (int it = 0; it < MAX_ITERATIONS && s.scoreSize() > tolerance; it++) {
      double[] step = s.inverse.operate(s.score);
      if (maxAbs(step) <= STEP_TOLERANCE * (1 + maxAbs(lambda))) {
        break;
      }
      State next = null;
      for (int halving = 0; halving < MAX_HALVINGS && next == null; halving++) {
        double[] trial = new double[p];
        for (int t = 0; t < p; t++) {
          trial[t] = lambda[t] + step[t];
          step[t] /= 2;
        }
        State candidate = State.at(x, contests, trial);
        if (candidate != null
            && candidate.penalized >= s.penalized - 1e-12 * Math.abs(s.penalized)) {
          next = candidate;
          lambda = trial;
        }
      }
      if (next == null) {
        break;
      }
      s = next;
    }
    double[] ability = new double[players];
    double[] stdErr = new double[players];
    for (int i = 0; i < players; i++) {
      if (i != reference) {
        int col = column(i, reference);
        ability[i] = lambda[col];
        stdErr[i] = Math.sqrt(s.inverse.getEntry(col, col));
      }
    }
    return new Fit(ability, stdErr);
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  private static int column(int player, int reference) {
    return player < reference ? player : player - 1;
  }

  /** Probabilities, information, modified score and penalized log-likelihood at λ. */
  private static final class State {
    final RealMatrix inverse;
    final double[] score;
    final double penalized;

    private State(RealMatrix inverse, double[] score, double penalized) {
      this.inverse = inverse;
      this.score = score;
      this.penalized = penalized;
    }

    static State at(double[][] x, List<Contest> contests, double[] lambda) {
      int p = lambda.length;
      int n = contests.size();
      double[] pi = new double[n];
      double[] w = new double[n];
      double[][] info = new double[p][p];
      double loglik = 0;
      for (int c = 0; c < n; c++) {
        double eta = 0;
        for (int t = 0; t < p; t++) {
          eta += x[c][t] * lambda[t];
        }
        Contest k = contests.get(c);
        pi[c] = 1 / (1 + Math.exp(-eta));
        w[c] = k.games() * pi[c] * (1 - pi[c]);
        // y η − m log(1 + e^η), computed stably
        loglik += k.winsA() * eta
            - k.games() * (Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))));
        for (int t = 0; t < p; t++) {
          for (int u = 0; u < p; u++) {
            info[t][u] += w[c] * x[c][t] * x[c][u];
          }
        }
      }
      CholeskyDecomposition chol;
      try {
        chol = new CholeskyDecomposition(MatrixUtils.createRealMatrix(info), 1e-10, 1e-300);
      } catch (NonPositiveDefiniteMatrixException e) {
        return null;
      }
      double det = chol.getDeterminant();
      if (!(det > 0)) {
        return null;
      }
      RealMatrix inverse = chol.getSolver().getInverse();
      double[] score = new double[p];
      for (int c = 0; c < n; c++) {
        double[] ix = inverse.operate(x[c]);
        double quad = 0;
        for (int t = 0; t < p; t++) {
          quad += x[c][t] * ix[t];
        }
        double h = w[c] * quad;
        Contest k = contests.get(c);
        double residual = k.winsA() - k.games() * pi[c] + h * (0.5 - pi[c]);
        for (int t = 0; t < p; t++) {
          score[t] += x[c][t] * residual;
        }
      }
      return new State(inverse, score, loglik + 0.5 * Math.log(det));
    }

    double scoreSize() {
      return maxAbs(score);
    }
  }
}
