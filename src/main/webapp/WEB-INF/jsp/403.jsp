<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "403"); %>
<%@ include file="_top.jspf" %>
<h1>${en ? 'Not allowed' : '허용되지 않은 요청입니다'}</h1>
<c:set var="message" value="${requestScope['jakarta.servlet.error.message']}"/>
<c:if test="${not empty message}"><p class="error-detail"><c:out value="${message}"/></p></c:if>
<p class="error-code">403</p>
<%@ include file="_bottom.jspf" %>
