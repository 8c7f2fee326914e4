package org.piste.screen;

/** Placeholder: the declarative rule set (loaded from YAML), defined in RuleSets. */
public record RuleSet(String version) {}
