/**
 * The OpenCL backend (JOCL), bit-identical to the reference backend. Not implemented yet: see the
 * OpenCL issue. The module exists so the build, the SPI and the CLI already have their final shape.
 */
package org.coag.gpu;
