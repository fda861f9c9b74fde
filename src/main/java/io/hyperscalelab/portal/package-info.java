/**
 * The Azure-portal look-alike views: Home, Create a resource, the server-group form, resource
 * blades.
 */
package io.hyperscalelab.portal;
