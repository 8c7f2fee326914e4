package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The presets combine the patterns as documented; impossible combinations are refused. */
class PresetTest {
    private static final SimConfig D = SimConfig.defaults();

    @Test
    void defaultIsTodayAndNamesOnlyChangesOnlyTheBeneficiaries() {
        assertThat(SimConfig.preset(SimConfig.Preset.DEFAULT)).isEqualTo(D);
        assertThat(D.patterns().beneficiaryDetail()).isEqualTo(SimConfig.BeneficiaryDetail.FULL);
        assertThat(SimConfig.preset(SimConfig.Preset.NAMES_ONLY)).isEqualTo(
                D.withPatterns(D.patterns().withBeneficiaryDetail(SimConfig.BeneficiaryDetail.NAME_AND_PLACE)));
    }

    @Test
    void familyHeavyHasMoreLargerFamiliesThatShareHomesAndNames() {
        SimConfig f = SimConfig.preset(SimConfig.Preset.FAMILY_HEAVY);
        assertThat(f.shares().diasporaFamily()).isGreaterThan(D.shares().diasporaFamily());
        assertThat(f.patterns().familySizes()).hasSizeGreaterThan(D.patterns().familySizes().size());
        assertThat(f.patterns().kinship()).isTrue();
        assertThat(f.patterns().sameNameRecipients()).isPositive();
        assertThat(f.patterns().beneficiaryDetail()).isEqualTo(SimConfig.BeneficiaryDetail.FULL);
        assertThat(f.patterns().sharedOffice()).isZero();
        assertThat(f.patterns().birthDateTypo()).isZero();
        assertThat(f.withPatterns(D.patterns()).withShares(D.shares())).isEqualTo(D);
    }

    @Test
    void hardCombinesEveryPatternOfTransfers() {
        SimConfig.Patterns h = SimConfig.preset(SimConfig.Preset.HARD).patterns();
        SimConfig.Patterns f = SimConfig.preset(SimConfig.Preset.FAMILY_HEAVY).patterns();
        assertThat(h.beneficiaryDetail()).isEqualTo(SimConfig.BeneficiaryDetail.NAME_AND_PLACE);
        assertThat(h.withBeneficiaryDetail(f.beneficiaryDetail()).withSharedOffice(0, f.officeGroupSize())
                .withBirthDates(0, 0, 0)).isEqualTo(f);
        assertThat(h.sharedOffice()).isPositive();
        assertThat(h.birthDateTypo()).isPositive();
        assertThat(h.birthDatePlaceholder()).isPositive();
        // Old dates of birth are a pattern of person lists, not of transfers.
        assertThat(h.oldBirthDates()).isZero();
    }

    @Test
    void impossiblePatternsAreRefused() {
        SimConfig.Patterns p = D.patterns();
        assertThatThrownBy(() -> p.withFamilies(List.of(0.5, 0.4), 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("familySizes");
        assertThatThrownBy(() -> p.withFamilies(p.familySizes(), 0.6, 0.3, 0.2, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> p.withSharedOffice(0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withBirthDates(1.5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
