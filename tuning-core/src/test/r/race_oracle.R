# Oracle values for org.tune4j.tuning.search.race (RaceAnovaOracleTest, RaceWinLossOracleTest).
#
# Re-implements, in base R, the decision rules of finetune's racing helpers
# (R/racing_helpers.R: refactor_by_mean, fit_anova, test_parameters_gls, score_season,
# test_parameters_bt) on small hand-made tables and prints every number with 17 digits.
# The Java tests paste these numbers as constants; they never run R.
#
# Needs lme4 (r-cran-lme4) and BradleyTerry2 (r-cran-bradleyterry2). Run from anywhere:
#   Rscript tuning-core/src/test/r/race_oracle.R
# Printed with R 4.2.2, lme4 1.1-31, BradleyTerry2 1.1-2, brglm 0.7.2.

suppressPackageStartupMessages({
  library(lme4)
  library(BradleyTerry2)
})

p17 <- function(x) format(x, digits = 17)

# A table: rows are configs (candidate order), columns resamples; NA = not evaluated.
as_long <- function(est) {
  d <- data.frame(
    .config = rep(rownames(est), times = ncol(est)),
    id = rep(colnames(est), each = nrow(est)),
    .estimate = as.vector(est),
    stringsAsFactors = FALSE
  )
  d[!is.na(d$.estimate), ]
}

# finetune's refactor_by_mean + fit_anova + test_parameters_gls, on one metric.
race_anova <- function(label, est, maximize, alpha = 0.05) {
  d <- as_long(est)
  configs <- rownames(est)
  means <- sapply(configs, function(cf) mean(d$.estimate[d$.config == cf]))
  B <- sapply(configs, function(cf) sum(d$.config == cf))
  keep <- configs[B == max(B)]
  lv <- keep[order(if (maximize) -means[keep] else means[keep])]
  d <- d[d$.config %in% keep, ]
  d$.config <- factor(d$.config, levels = lv)
  mod <- try(suppressWarnings(suppressMessages(
    lmer(.estimate ~ .config + (1 | id), data = d))), silent = TRUE)
  kind <- "lmer"
  if (inherits(mod, "try-error") || !isTRUE(mod@optinfo$conv$opt == 0)) {
    mod <- lm(.estimate ~ .config, data = d)
    kind <- "lm"
  }
  cf <- coef(summary(mod))
  ci <- confint(mod, method = "Wald", level = 1 - alpha, quiet = TRUE)
  rows <- grep("^\\.config", rownames(cf), value = TRUE)
  cat("=== anova", label, if (maximize) "maximize" else "minimize", "alpha", alpha,
      "model", kind, "\n")
  if (kind == "lmer") {
    cat("theta", p17(getME(mod, "theta")), "sigma", p17(sigma(mod)), "\n")
  } else {
    cat("sigma", p17(sigma(mod)), "df", mod$df.residual, "\n")
  }
  cat("best", lv[1], "\n")
  if (kind == "lmer") {
    # The same fit converged as far as double precision allows, to judge lme4's default stop.
    tight <- lmerControl(optimizer = "nloptwrap", optCtrl = list(
      xtol_abs = 1e-15, ftol_abs = 1e-17, xtol_rel = 0, ftol_rel = 0, maxeval = 1e5))
    mt <- suppressWarnings(suppressMessages(
      lmer(.estimate ~ .config + (1 | id), data = d, control = tight)))
    ct <- coef(summary(mt))
    for (r in rows) {
      cat("tight", sub("^\\.config", "", r), "estimate", p17(ct[r, "Estimate"]),
          "stderr", p17(ct[r, "Std. Error"]), "\n")
    }
  }
  for (r in rows) {
    lower <- ci[r, 1]
    upper <- ci[r, 2]
    pass <- if (maximize) upper > 0 else lower < 0
    cat(sub("^\\.config", "", r), "estimate", p17(cf[r, "Estimate"]),
        "stderr", p17(cf[r, "Std. Error"]), "lower", p17(lower), "upper", p17(upper),
        "pass", pass, "\n")
  }
}

# finetune's test_parameters_bt (check_results, score_season, BTm with br = TRUE).
race_win_loss <- function(label, est, maximize, alpha = 0.05, ...) {
  d <- as_long(est)
  configs <- rownames(est)
  B <- sapply(configs, function(cf) sum(d$.config == cf))
  keep <- configs[B == max(B)]
  d <- d[d$.config %in% keep, ]
  ids <- unique(d$id)
  wide <- sapply(keep, function(cf) sapply(ids, function(i) {
    v <- d$.estimate[d$.config == cf & d$id == i]
    if (length(v) == 0) NA else v
  }))
  wide <- matrix(wide, nrow = length(ids), dimnames = list(ids, keep))
  eliminated <- keep[apply(wide, 2, function(x) length(unique(x)) == 1)]
  teams <- keep[!(keep %in% eliminated)]
  score <- function(x, y) {
    if (maximize) 1.0 * (x > y) + (x == y) / 2 else 1.0 * (x < y) + (x == y) / 2
  }
  season <- function(players) {
    out <- NULL
    if (length(players) >= 2) {
      pairs <- t(utils::combn(players, 2))
      for (p in seq_len(nrow(pairs))) {
        x <- wide[, pairs[p, 1]]
        y <- wide[, pairs[p, 2]]
        out <- rbind(out, data.frame(
          player_1 = pairs[p, 1], player_2 = pairs[p, 2],
          wins_1 = sum(score(x, y), na.rm = TRUE), wins_2 = sum(score(y, x), na.rm = TRUE),
          stringsAsFactors = FALSE))
      }
    }
    out
  }
  ranking <- function(s) {
    players <- sort(unique(c(s$player_1, s$player_2)))
    wins <- sapply(players, function(p) sum(s$wins_1[s$player_1 == p]) +
                     sum(s$wins_2[s$player_2 == p]))
    players[order(-wins)]
  }
  totals <- function(s, players) sapply(players, function(p)
    sum(s$wins_1[s$player_1 == p]) + sum(s$wins_2[s$player_2 == p]))
  s <- season(teams)
  cat("=== winloss", label, if (maximize) "maximize" else "minimize", "alpha", alpha, "\n")
  cat("zero-variance", eliminated, "\n")
  if (!is.null(s)) {
    tw <- totals(s, teams)
    skunked <- teams[tw == 0]
    if (length(skunked) > 0) {
      eliminated <- c(eliminated, skunked)
      s <- season(teams[!(teams %in% skunked)])
    }
    cat("skunked", skunked, "\n")
  }
  if (is.null(s) || nrow(s) == 0) {
    cat("mercy best", teams[!(teams %in% eliminated)], "eliminated", eliminated, "\n")
    return(invisible(NULL))
  }
  lvls <- ranking(s)
  cat("wins", p17(totals(s, lvls)), "\n")
  s$player_1 <- factor(s$player_1, levels = lvls)
  s$player_2 <- factor(s$player_2, levels = lvls)
  mod <- suppressWarnings(BTm(cbind(wins_1, wins_2), player_1, player_2, data = s,
                              br = TRUE, ...))
  q <- qt(1 - alpha, 1)
  co <- summary(mod)$coefficients
  cat("best", lvls[1], "q", p17(q), "\n")
  for (r in rownames(co)) {
    v <- co[r, "Estimate"]
    se <- co[r, "Std. Error"]
    cat(sub("^\\.\\.", "", r), "value", p17(v), "stderr", p17(se),
        "lower", p17(v - q * se), "upper", p17(v + q * se),
        "pass", (v + q * se > 0) & se < 500, "\n")
  }
  cat("eliminated", eliminated, "\n")
}

tab <- function(rows, resamples = paste0("r", seq_along(rows[[1]]))) {
  m <- do.call(rbind, rows)
  dimnames(m) <- list(names(rows), resamples)
  m
}

cat("qnorm(0.975)", p17(qnorm(0.975)), "qnorm(0.95)", p17(qnorm(0.95)), "\n")

# Balanced, large resample effect (interior REML solution).
balanced <- tab(list(
  c1 = c(0.80, 0.82, 0.79, 0.85),
  c2 = c(0.78, 0.80, 0.76, 0.83),
  c3 = c(0.70, 0.75, 0.72, 0.74)))
race_anova("balanced", balanced, TRUE)
race_anova("balanced", balanced, TRUE, alpha = 0.2)
race_anova("balanced", -balanced, FALSE)

# Balanced, resample mean square below the error mean square (sigma_resample = 0).
boundary <- tab(list(
  c1 = c(0.30, 0.41, 0.35),
  c2 = c(0.36, 0.31, 0.40),
  c3 = c(0.52, 0.49, 0.47)))
race_anova("boundary", boundary, FALSE)

# Unbalanced: each config misses a different resample; c4 has fewer resamples (not compared).
unbalanced <- tab(list(
  c1 = c(0.80, 0.82, NA, 0.85, 0.81),
  c2 = c(0.78, NA, 0.76, 0.83, 0.80),
  c3 = c(NA, 0.75, 0.72, 0.74, 0.73),
  c4 = c(0.90, NA, NA, NA, 0.91)))
race_anova("unbalanced", unbalanced, TRUE)
race_anova("unbalanced", -unbalanced, FALSE)

# Unbalanced with a zero resample variance.
unbalanced_boundary <- tab(list(
  c1 = c(0.30, 0.41, NA, 0.35),
  c2 = c(0.36, NA, 0.31, 0.40),
  c3 = c(NA, 0.52, 0.49, 0.47)))
race_anova("unbalanced_boundary", unbalanced_boundary, FALSE)

# Unbalanced with the resample variance on the boundary 0 (integers, easy to check by hand:
# pooled residual 2 + 8 + 2 = 12 on 9 - 3 = 6 df, sigma^2 = 2, se = sqrt(2 (1/3 + 1/3))).
unbalanced_zero <- tab(list(
  c1 = c(1, 3, 2, NA),
  c2 = c(3, 1, NA, 5),
  c3 = c(NA, 2, 4, 3)))
race_anova("unbalanced_zero", unbalanced_zero, FALSE)

# Disjoint resamples: lme4 refuses (levels >= observations) and finetune falls back to lm.
disjoint <- tab(list(
  c1 = c(0.80, 0.84, NA, NA, NA, NA),
  c2 = c(NA, NA, 0.70, 0.74, NA, NA),
  c3 = c(NA, NA, NA, NA, 0.60, 0.66)))
race_anova("disjoint", disjoint, TRUE)

# Two configs overlapping on two of four resamples: one residual degree of freedom.
chain <- tab(list(
  c1 = c(0.80, 0.82, NA, 0.70),
  c2 = c(NA, 0.78, 0.75, 0.71)))
race_anova("chain", chain, TRUE)

# Zero residual variance: config + resample effects exactly (lmer's theta runs off).
additive <- tab(list(
  c1 = c(0.80, 0.82, 0.79),
  c2 = c(0.78, 0.80, 0.77),
  c3 = c(0.70, 0.72, 0.69)))
race_anova("additive", additive, TRUE)

# Win/loss.
wl <- tab(list(
  c1 = c(0.80, 0.82, 0.79, 0.85, 0.81, 0.77),
  c2 = c(0.81, 0.80, 0.76, 0.83, 0.81, 0.78),
  c3 = c(0.70, 0.83, 0.72, 0.74, 0.73, 0.71),
  c4 = c(0.60, 0.61, 0.62, 0.63, 0.64, 0.65),
  c5 = c(0.75, 0.75, 0.75, 0.75, 0.75, 0.75)))
race_win_loss("five", wl, TRUE)
race_win_loss("five_tight", wl, TRUE, br.epsilon = 1e-15, br.maxit = 10000)
race_win_loss("five_min_tight", wl, FALSE, alpha = 0.1, br.epsilon = 1e-15, br.maxit = 10000)

two <- tab(list(
  a = c(0.80, 0.82, 0.79, 0.85),
  b = c(0.81, 0.80, 0.76, 0.83)))
race_win_loss("two_tight", two, TRUE, br.epsilon = 1e-15, br.maxit = 10000)

missing <- tab(list(
  c1 = c(0.80, 0.82, NA, 0.85, 0.81),
  c2 = c(0.78, NA, 0.76, 0.83, 0.84),
  c3 = c(NA, 0.75, 0.80, 0.74, 0.73),
  c4 = c(0.90, NA, NA, NA, 0.91)))
race_win_loss("missing_tight", missing, TRUE, br.epsilon = 1e-15, br.maxit = 10000)
