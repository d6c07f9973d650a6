package org.percepnet4j.ui;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;

/**
 * A read-only meter widget: screen readers see it with a fixed role and a description that is read live from
 * the meter, so what is announced is always what is drawn.
 */
abstract class MeterView extends JComponent {

    private final AccessibleRole role;

    MeterView(AccessibleRole role) {
        this.role = role;
    }

    /** What a screen reader announces for the current meter state. */
    abstract String accessibleDescription();

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return role;
                }

                @Override
                public String getAccessibleDescription() {
                    return accessibleDescription();
                }
            };
        }
        return accessibleContext;
    }
}
