/**
 * Screen, the third step: the typology's indicators (named once, with their sides, in {@link org.piste.screen.Indicator};
 * docs/typology.md; rule set {@code screen/rules.yaml}) measured on resolved transfers held as primitive columns,
 * outside family ties (names, shared homes), reinforced over the sender-recipient network, then the alert cut and the
 * weights learned from analysts' rulings. Every score is the sum of contributions that each carry their value, a
 * sentence and the transfers behind them.
 */
package org.piste.screen;
