package org.craftline.worker;

/** A team by its name, and how many workers are in it now: what an analyst picks a team report by. */
public record Team(String name, int members) {
}
