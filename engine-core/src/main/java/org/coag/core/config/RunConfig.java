package org.coag.core.config;

import org.coag.core.model.ModelSpec;

/**
 * A validated configuration.
 *
 * @param model the resolved model
 * @param run run settings
 * @param resolvedToml the config with every default filled in (written to the run directory)
 * @param theory the [theory] table for {@code coag theory ode|pde}
 * @param study the [study] table for {@code coag study}
 */
public record RunConfig(ModelSpec model, RunSettings run, String resolvedToml, TheorySettings theory, StudySettings study) {
}
