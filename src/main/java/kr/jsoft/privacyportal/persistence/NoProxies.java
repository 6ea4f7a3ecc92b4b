package kr.jsoft.privacyportal.persistence;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.internal.none.BytecodeProviderImpl;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Hibernate without generated proxy classes: no entity of the portal has an association or is
 * loaded by reference, so nothing ever needs a lazy proxy, yet Hibernate's default (Byte Buddy)
 * generated one class per entity at every start, loading about 800 classes to do it. Hibernate's
 * own "none" provider refuses a proxy if one were ever asked for, instead of making one. Registered
 * in {@code META-INF/services}; {@code NoProxiesTest} checks the portal's session factory uses it.
 */
public final class NoProxies implements ServiceContributor {
    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addService(BytecodeProvider.class, new BytecodeProviderImpl());
    }
}
