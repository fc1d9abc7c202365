package dev.stageport.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A stage, as the portfolio API lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Environment(String key, String name, String purpose, int order, String hostname) {
}
