/**
 * jOOQ classes generated from the Flyway scripts at build time (see pom.xml). Open to
 * every module, because each module's repository maps its own tables through them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.hulul.db;

import org.springframework.modulith.ApplicationModule;
