/**
 * The small kernel every business module shares: the {@link lab.business.shared.Database}
 * port the modules' JDBC code runs on (with {@link lab.business.shared.Seeds}, so
 * instances sharing one database seed it once), {@link lab.business.shared.Failure}, the
 * one way a rule says no, and {@link lab.business.shared.Fallbacks}, the switch that lets
 * reads degrade when a peer fails.
 */
package lab.business.shared;
