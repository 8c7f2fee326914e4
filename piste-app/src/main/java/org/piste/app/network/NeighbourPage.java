package org.piste.app.network;

import java.util.Locale;

/**
 * Which page of an entity's neighbours to return: hubs have hundreds, so an expansion returns {@code size} at a
 * time, best first by total sent amount or by score (ties by entity id, so pages never overlap).
 */
public record NeighbourPage(int page, int size, Sort sort) {
    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public enum Sort { AMOUNT, SCORE }

    public NeighbourPage {
        if (page < 0) throw new BadParameterException("network.pageNegative");
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("network.pageSize", MAX_SIZE);
        }
    }

    public static NeighbourPage first() {
        return new NeighbourPage(0, DEFAULT_SIZE, Sort.AMOUNT);
    }

    /** From request parameters as typed; blank means the default. */
    public static NeighbourPage parse(String page, String size, String sort) {
        Sort s;
        try {
            s = sort == null || sort.isBlank() ? Sort.AMOUNT : Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("network.sort", sort.strip());
        }
        return new NeighbourPage(integer("page", page, 0), integer("size", size, DEFAULT_SIZE), s);
    }

    private static int integer(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) return otherwise;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException("network.wholeNumber", name, value.strip());
        }
    }
}
