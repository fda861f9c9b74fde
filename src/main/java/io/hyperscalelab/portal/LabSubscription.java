package io.hyperscalelab.portal;

/**
 * The Azure subscription the portal shows the learner. Everything of theirs is in it; it only
 * names things, nothing is billed.
 */
public record LabSubscription(String name, String id) {

    public static final LabSubscription DEFAULT =
            new LabSubscription("Hyperscale Lab subscription", "5c4d2f7e-3b1a-4c8e-9d2f-0a1b2c3d4e5f");
}
